package dev.curation.git;

/**
 * A refusal or failure of the git bridge, with a {@link Reason} a caller can map to an answer
 * (a 4xx for the caller's mistakes, a 502-like error for a remote that fails) and a message
 * meant for people. Unchecked, because it can also surface while a {@link HistoryWalk} is being
 * iterated. Messages never carry credentials.
 */
public final class GitBridgeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the bridge refused or failed. */
    public enum Reason {
        /** The branch does not exist in the repository, or is not a valid branch name. */
        NO_SUCH_BRANCH,
        /** The file does not exist (as a regular file) at the branch's head. */
        NO_SUCH_FILE,
        /** The path is not a plain relative path inside the repository ({@code ../}, absolute, {@code .git}). */
        PATH_OUTSIDE_REPOSITORY,
        /** The repository URL has a scheme that is not allowed, or carries credentials, or is not a URL. */
        URL_NOT_ALLOWED,
        /** Cloning the repository failed (unreachable, refused credentials, not a repository). */
        CLONE_FAILED,
        /** The commit to resume after is not on the branch's first-parent history (the branch was rewritten?). */
        RESUME_POINT_NOT_FOUND,
        /** A version of the file is larger than the walk allows. */
        FILE_TOO_LARGE,
        /** Reading the repository failed (a missing or corrupt object). */
        READ_FAILED,
        /** The remote refused the credentials (or asked for some and none were configured). */
        AUTH_FAILED,
        /** The remote could not be reached or broke off (DNS, connection, timeout, an HTTP error that is not about credentials). */
        UNREACHABLE,
        /** Fetching into a kept mirror failed for another reason (not a repository, a corrupt pack). */
        FETCH_FAILED,
        /** Writing objects or refs into the local repository failed. */
        WRITE_FAILED
    }

    private final Reason reason;

    public GitBridgeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public GitBridgeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

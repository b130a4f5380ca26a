package dev.curation.git;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What became of a {@link Push}.
 *
 * @param status  OK, STALE or REJECTED
 * @param message the server's or JGit's words for a REJECTED (or STALE) push; null for OK
 */
public record PushResult(Status status, @Nullable String message) {

    public PushResult {
        requireNonNull(status, "status");
    }

    static PushResult ok() {
        return new PushResult(Status.OK, null);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    /** How a push ended (failures to talk to the remote at all are {@link GitBridgeException}s). */
    public enum Status {
        /** The branch is now at the pushed commit (or already was). */
        OK,
        /**
         * The lease did not hold: the remote branch is not at the expected commit (someone else
         * pushed, or it was created or deleted meanwhile). Nothing changed there; fetch, merge and
         * push again.
         */
        STALE,
        /**
         * The remote refused the update for another reason: not a fast-forward of the expected
         * commit, a hook or a branch protection said no; {@link #message()} says what it said.
         */
        REJECTED
    }
}

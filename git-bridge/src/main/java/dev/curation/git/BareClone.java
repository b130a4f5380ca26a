package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;
import dev.curation.git.RemoteAccess.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * A repository URL cloned into a temporary bare repository (no working tree, one branch, no
 * tags), deleted on {@link #close()}. The URL is checked against {@link RemoteAccess} before
 * anything is fetched; it may not carry credentials itself (they would end up in logs and
 * events), they come from {@link RemoteAccess#credentials()}.
 */
public final class BareClone implements AutoCloseable {

    private final Git git;
    private final Path directory;

    private BareClone(Git git, Path directory) {
        this.git = git;
        this.directory = directory;
    }

    /** Clones {@code branch} (a short name) of the repository at {@code url}. */
    public static BareClone of(String url, String branch, RemoteAccess access) {
        check(url, access);
        if (branch.isEmpty() || !Repository.isValidRefName(Constants.R_HEADS + branch)) {
            throw new GitBridgeException(Reason.NO_SUCH_BRANCH, "\"" + branch + "\" is not a branch name");
        }
        CredentialsProvider credentials = credentials(access);
        requireBranch(url, branch, access, credentials);
        Path directory;
        try {
            directory = Files.createTempDirectory("curation-git-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a temporary directory for the clone", e);
        }
        CloneCommand clone = Git.cloneRepository()
                .setURI(url)
                .setDirectory(directory.toFile())
                .setBare(true)
                .setCloneAllBranches(false)
                .setBranchesToClone(List.of(Constants.R_HEADS + branch))
                .setBranch(Constants.R_HEADS + branch)
                .setNoTags()
                .setTimeout(timeoutSeconds(access));
        if (credentials != null) {
            clone.setCredentialsProvider(credentials);
        }
        try {
            return new BareClone(clone.call(), directory);
        } catch (GitAPIException | JGitInternalException e) {
            delete(directory);
            throw new GitBridgeException(Reason.CLONE_FAILED, "could not clone " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Asks the remote for its branches first (one round trip), so that a branch it does not have
     * is the caller's mistake ({@link Reason#NO_SUCH_BRANCH}), not a failed clone.
     */
    private static void requireBranch(String url, String branch, RemoteAccess access,
            @Nullable CredentialsProvider credentials) {
        LsRemoteCommand lsRemote = Git.lsRemoteRepository().setRemote(url).setHeads(true).setTags(false)
                .setTimeout(timeoutSeconds(access));
        if (credentials != null) {
            lsRemote.setCredentialsProvider(credentials);
        }
        Collection<Ref> heads;
        try {
            heads = lsRemote.call();
        } catch (GitAPIException | JGitInternalException e) {
            throw new GitBridgeException(Reason.CLONE_FAILED, "could not clone " + url + ": " + e.getMessage(), e);
        }
        if (heads.stream().noneMatch(ref -> ref.getName().equals(Constants.R_HEADS + branch))) {
            throw new GitBridgeException(Reason.NO_SUCH_BRANCH, "the repository at " + url + " has no branch \""
                    + branch + "\"");
        }
    }

    private static @Nullable CredentialsProvider credentials(RemoteAccess access) {
        Credentials credentials = access.credentials();
        return credentials == null ? null
                : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
    }

    private static int timeoutSeconds(RemoteAccess access) {
        return Math.toIntExact(Math.max(1, access.timeout().toSeconds()));
    }

    public Repository repository() {
        return git.getRepository();
    }

    @Override
    public void close() {
        git.close();
        delete(directory);
    }

    private static void check(String url, RemoteAccess access) {
        String use = "use https://host/path" + (access.allowFile() ? " or file:///path" : " (file:// is off here)");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw notAllowed("the repository URL is not a valid URL: " + use);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowed = switch (scheme) {
            case "https" -> uri.getHost() != null;
            case "file" -> access.allowFile() && uri.getPath() != null && !uri.getPath().isEmpty();
            default -> false;
        };
        if (!allowed) {
            // the URL itself is not repeated: it may carry a password
            throw notAllowed("the repository URL is not an allowed one: " + use);
        }
        if (uri.getRawUserInfo() != null) {
            throw notAllowed("the repository URL may not carry a user name or password; configure credentials instead");
        }
    }

    private static GitBridgeException notAllowed(String message) {
        return new GitBridgeException(Reason.URL_NOT_ALLOWED, message);
    }

    private static void delete(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the clone at " + directory, e);
        }
    }
}

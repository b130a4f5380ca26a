package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.api.CloneCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.jspecify.annotations.Nullable;

/**
 * A repository URL cloned into a temporary bare repository (no working tree, one branch, no
 * tags), deleted on {@link #close()}. The URL is checked against {@link RemoteAccess} before
 * anything is fetched ({@link RemoteUrls}: scheme, no credentials in it, the host check); the
 * host's git configuration is ignored ({@link GitConfigIsolation}). For a repository kept between
 * syncs, see {@link Mirror}.
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
        RemoteUrls.check(url, access);
        RemoteUrls.checkBranch(branch);
        GitConfigIsolation.ensure();
        CredentialsProvider credentials = access.credentialsProvider();
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
                .setTimeout(access.timeoutSeconds());
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
                .setTimeout(access.timeoutSeconds());
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

    public Repository repository() {
        return git.getRepository();
    }

    @Override
    public void close() {
        git.close();
        delete(directory);
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

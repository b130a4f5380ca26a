package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.jspecify.annotations.Nullable;

/**
 * A bare repository kept for one bridge in a directory of the caller's, holding one branch of
 * one remote: made (and filled by a first fetch, so it is a clone) when the directory is missing
 * or empty, opened as it is otherwise. {@link #fetch()} brings the remote branch into the
 * remote-tracking ref {@code refs/remotes/origin/<branch>}, force-updated so that a rewritten
 * upstream shows as it is (telling it apart is {@link Ancestry}'s job); commits made here with
 * {@link CommitWriter} are sent with {@link #push(String, String)}. The URL passes the same checks
 * as {@link BareClone}'s before any network access, and the host's git configuration is ignored
 * ({@link GitConfigIsolation}). Not thread-safe: one sync of a bridge at a time.
 */
public final class Mirror implements AutoCloseable {

    private static final String REMOTE = "origin";

    private final Repository repository;
    private final String url;
    private final String branch;
    private final RemoteAccess access;

    private Mirror(Repository repository, String url, String branch, RemoteAccess access) {
        this.repository = repository;
        this.url = url;
        this.branch = branch;
        this.access = access;
    }

    /**
     * Opens the mirror kept in {@code dir}, or makes it there (a bare repository, then a first
     * fetch of {@code branch}) when the directory is missing or empty. The URL is recorded in the
     * repository's config as the remote {@code origin}; opened with another URL, the record follows
     * it (the objects of the old remote stay but are unreachable once the branch is fetched again).
     */
    public static Mirror open(Path dir, String url, String branch, RemoteAccess access) {
        RemoteUrls.check(url, access);
        RemoteUrls.checkBranch(branch);
        GitConfigIsolation.ensure();
        boolean fresh = isEmpty(dir);
        Repository repository;
        try {
            repository = fresh ? create(dir, branch) : new FileRepositoryBuilder().setGitDir(dir.toFile())
                    .setMustExist(true).build();
        } catch (IOException | GitAPIException e) {
            throw new GitBridgeException(Reason.WRITE_FAILED, "could not " + (fresh ? "make" : "open")
                    + " the mirror at " + dir + ": " + e.getMessage(), e);
        }
        if (!repository.isBare()) {
            repository.close();
            throw new GitBridgeException(Reason.WRITE_FAILED, "the mirror at " + dir + " is not a bare repository");
        }
        Mirror mirror = new Mirror(repository, url, branch, access);
        try {
            mirror.record();
            if (fresh) {
                mirror.fetch();
            }
        } catch (RuntimeException e) {
            repository.close();
            if (fresh) {
                emptyOut(dir); // a mirror whose first fetch failed is made anew next time, not opened half-made
            }
            throw e;
        }
        return mirror;
    }

    /**
     * Fetches the branch from the remote: its commits arrive, and the remote-tracking ref is set
     * to the remote's head whatever it was before (a forced update). Returns the remote head
     * (40 hex digits), or null when the remote has no such branch (the tracking ref is then removed).
     */
    public @Nullable String fetch() {
        String remoteRef = Constants.R_HEADS + branch;
        try (Transport transport = Transports.open(repository, url, access)) {
            Ref advertised;
            try (FetchConnection connection = transport.openFetch()) {
                advertised = connection.getRef(remoteRef);
            }
            if (advertised == null || advertised.getObjectId() == null) {
                deleteTrackingRef();
                return null;
            }
            RefSpec spec = new RefSpec("+" + remoteRef + ":" + trackingRef());
            transport.fetch(NullProgressMonitor.INSTANCE, List.of(spec));
            ObjectId head = repository.resolve(trackingRef());
            if (head == null) {
                throw new GitBridgeException(Reason.FETCH_FAILED, "fetching " + url + " left no " + trackingRef());
            }
            return head.name();
        } catch (IOException e) {
            throw RemoteFailures.of("fetch branch \"" + branch + "\" of", url, e, Reason.FETCH_FAILED);
        }
    }

    /** The remote head as last fetched (or as last pushed from here), without asking the remote; null if none. */
    public @Nullable String head() {
        try {
            ObjectId id = repository.resolve(trackingRef());
            return id == null ? null : id.name();
        } catch (IOException e) {
            throw new GitBridgeException(Reason.READ_FAILED, "could not read " + trackingRef() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pushes {@code commitId} (made in this repository, e.g. by {@link CommitWriter}) to the
     * branch with a lease on {@code expectedRemoteHead}; see {@link Push}. After an OK the
     * remote-tracking ref is the pushed commit.
     */
    public PushResult push(String commitId, @Nullable String expectedRemoteHead) {
        return Push.push(repository, url, branch, commitId, expectedRemoteHead, access, trackingRef());
    }

    /** The history of the file at {@code path} on the branch as last fetched (or pushed from here). */
    public FileHistory history(String path) {
        return FileHistory.of(repository, trackingRef(), path);
    }

    /** The remote-tracking ref the branch is fetched into, {@code refs/remotes/origin/<branch>}. */
    public String trackingRef() {
        return Constants.R_REMOTES + REMOTE + "/" + branch;
    }

    public Repository repository() {
        return repository;
    }

    public String url() {
        return url;
    }

    public String branch() {
        return branch;
    }

    @Override
    public void close() {
        repository.close();
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new GitBridgeException(Reason.READ_FAILED, "could not look into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void emptyOut(Path dir) {
        try (Stream<Path> entries = Files.walk(dir)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.delete(entry);
            }
        } catch (IOException e) {
            throw new GitBridgeException(Reason.WRITE_FAILED, "could not remove the half-made mirror at " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private static Repository create(Path dir, String branch) throws GitAPIException, IOException {
        Files.createDirectories(dir);
        try (Git git = Git.init().setBare(true).setGitDir(dir.toFile()).setInitialBranch(branch).call()) {
            return git.getRepository();
        }
    }

    /** Writes the remote into the config, for people looking at the directory with git (the fetch names the URL itself). */
    private void record() {
        StoredConfig config = repository.getConfig();
        String fetchSpec = "+" + Constants.R_HEADS + branch + ":" + trackingRef();
        if (url.equals(config.getString("remote", REMOTE, "url"))
                && fetchSpec.equals(config.getString("remote", REMOTE, "fetch"))) {
            return;
        }
        config.setString("remote", REMOTE, "url", url);
        config.setString("remote", REMOTE, "fetch", fetchSpec);
        config.setString("remote", REMOTE, "tagopt", "--no-tags");
        try {
            config.save();
        } catch (IOException e) {
            throw new GitBridgeException(Reason.WRITE_FAILED, "could not write the mirror's config: " + e.getMessage(), e);
        }
    }

    private void deleteTrackingRef() throws IOException {
        if (repository.exactRef(trackingRef()) == null) {
            return;
        }
        RefUpdate update = repository.updateRef(trackingRef());
        update.setForceUpdate(true);
        RefUpdate.Result result = update.delete();
        if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("could not delete " + trackingRef() + ": " + result);
        }
    }
}

package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.jspecify.annotations.Nullable;

/**
 * Sends a local commit to a remote branch with a lease, never forced. The lease is the remote
 * head the caller last saw ({@code null}: the branch must not exist yet). JGit compares it with
 * the head the server advertises before sending anything (a mismatch is {@link PushResult.Status#STALE}
 * without a byte of pack sent), then asks the server to move the branch from exactly that commit
 * to ours: git's and JGit's receive-pack update the ref under a lock only if it still holds the old
 * id, so a push that slips in between the advertisement and our update makes ours fail (a lock
 * error, also reported as STALE) instead of being overwritten. The new commit must descend from
 * the lease (a fast-forward); otherwise the push is {@link PushResult.Status#REJECTED}.
 */
public final class Push {

    private Push() {
    }

    /**
     * Pushes {@code commitId} of {@code repository} to {@code branch} (a short name) at {@code url}
     * if the branch is at {@code expectedRemoteHead} (null: absent). The URL passes the checks of
     * {@link RemoteUrls} first. Throws {@link GitBridgeException} with {@link Reason#AUTH_FAILED}
     * when the credentials are refused and {@link Reason#UNREACHABLE} when the remote cannot be reached.
     */
    public static PushResult push(Repository repository, String url, String branch, String commitId,
            @Nullable String expectedRemoteHead, RemoteAccess access) {
        return push(repository, url, branch, commitId, expectedRemoteHead, access, null);
    }

    static PushResult push(Repository repository, String url, String branch, String commitId,
            @Nullable String expectedRemoteHead, RemoteAccess access, @Nullable String trackingRef) {
        RemoteUrls.check(url, access);
        RemoteUrls.checkBranch(branch);
        GitConfigIsolation.ensure();
        ObjectId commit = id(commitId, "the commit to push");
        ObjectId lease = expectedRemoteHead == null ? ObjectId.zeroId() : id(expectedRemoteHead, "the expected remote head");
        String remoteRef = Constants.R_HEADS + branch;
        RemoteRefUpdate.Status status;
        String message;
        try (Transport transport = Transports.open(repository, url, access)) {
            RemoteRefUpdate update = new RemoteRefUpdate(repository, commit.name(), commit, remoteRef, false,
                    trackingRef, lease);
            transport.push(NullProgressMonitor.INSTANCE, List.of(update));
            status = update.getStatus();
            message = update.getMessage();
        } catch (IOException e) {
            throw RemoteFailures.of("push to branch \"" + branch + "\" of", url, e, Reason.UNREACHABLE);
        }
        return switch (status) {
            case OK, UP_TO_DATE -> PushResult.ok();
            case REJECTED_REMOTE_CHANGED -> new PushResult(PushResult.Status.STALE, "the remote branch \"" + branch
                    + "\" is not at " + (expectedRemoteHead == null ? "nothing (it exists)" : expectedRemoteHead)
                    + " any more: someone else pushed");
            case REJECTED_NONFASTFORWARD -> new PushResult(PushResult.Status.REJECTED, "commit " + commit.name()
                    + " does not descend from the remote head of \"" + branch + "\" (not a fast-forward)");
            case REJECTED_OTHER_REASON -> isLockFailure(message)
                    ? new PushResult(PushResult.Status.STALE, "the remote branch \"" + branch
                            + "\" moved while we pushed (" + message + ")")
                    : new PushResult(PushResult.Status.REJECTED, "the remote refused the update of \"" + branch + "\": "
                            + (message == null ? "no reason given" : message));
            case REJECTED_NODELETE, NON_EXISTING, NOT_ATTEMPTED, AWAITING_REPORT -> new PushResult(
                    PushResult.Status.REJECTED, "the push of \"" + branch + "\" ended as " + status
                            + (message == null ? "" : ": " + message));
        };
    }

    /** The words git and JGit use when the ref was not at the old id under the lock. */
    private static boolean isLockFailure(@Nullable String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("lock") || m.contains("but expected") || m.contains("stale info");
    }

    private static ObjectId id(String hex, String what) {
        try {
            return ObjectId.fromString(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a full commit id (40 hex digits): " + hex, e);
        }
    }
}

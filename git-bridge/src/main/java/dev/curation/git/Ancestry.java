package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * How two commits relate: whether one is in the other's history (a rewritten upstream is one
 * whose new head no longer has the last synced commit in it), and the first-parent steps from
 * one to the other.
 */
public final class Ancestry {

    private Ancestry() {
    }

    /**
     * Whether {@code ancestor} is {@code descendant} or in its history (any parent, as
     * {@code git merge-base --is-ancestor}). A commit missing from the repository is no ancestor.
     */
    public static boolean isAncestor(Repository repository, String ancestor, String descendant) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit base = walk.parseCommit(id(ancestor));
            RevCommit tip = walk.parseCommit(id(descendant));
            return walk.isMergedInto(base, tip);
        } catch (MissingObjectException e) {
            return false;
        } catch (IOException e) {
            throw new GitBridgeException(Reason.READ_FAILED, "could not compare " + ancestor + " with " + descendant
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The commits on {@code to}'s first-parent chain after {@code from}, oldest first (empty when
     * they are the same). Refused with {@link Reason#RESUME_POINT_NOT_FOUND} when {@code from}
     * is not on that chain.
     */
    public static List<String> firstParentsBetween(Repository repository, String from, String to) {
        ObjectId start = id(from);
        List<String> newestFirst = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRetainBody(false);
            RevCommit commit = walk.parseCommit(id(to));
            while (!commit.equals(start)) {
                newestFirst.add(commit.name());
                if (commit.getParentCount() == 0) {
                    throw new GitBridgeException(Reason.RESUME_POINT_NOT_FOUND, "commit " + from
                            + " is not on the first-parent history of " + to);
                }
                commit = walk.parseCommit(commit.getParent(0));
            }
        } catch (IOException e) {
            throw new GitBridgeException(Reason.READ_FAILED, "could not walk from " + to + " back to " + from + ": "
                    + e.getMessage(), e);
        }
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    private static ObjectId id(String hex) {
        try {
            return ObjectId.fromString(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a full commit id (40 hex digits): " + hex, e);
        }
    }
}

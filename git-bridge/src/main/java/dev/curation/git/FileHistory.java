package dev.curation.git;

import dev.curation.git.GitBridgeException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.jspecify.annotations.Nullable;

/**
 * The history of one file on one branch of a git repository, as the versions of a list.
 *
 * <p><b>Which commits.</b> Only the branch's first-parent chain, from its head back to the commit
 * that created the file: the commits that were the branch's own state, one after the other (a
 * merge counts once, for what it brought; the side branch's commits are not versions). A commit
 * is a version when the file's bytes at that commit differ from the file in its first parent (or
 * the file is new there). A commit that changes only other files, or only the file's mode, adds no
 * version.
 *
 * <p><b>Renames.</b> When the file is absent at its path in a commit's first parent, git's rename
 * detection is run on the diff of that one step (first parent to commit, all files): if it pairs
 * the file with a file deleted in the same step (identical content first, else content at least
 * 60 % similar, among at most JGit's default rename limit of candidates; the repository's and the
 * user's git configuration are not consulted, so every walk of a history agrees; a case-only rename such as {@code readme.md} to {@code README.md} and a move into a
 * folder are renames like any other), the walk goes on with the old path. A rename that keeps the
 * bytes adds no version; a rename with an edit adds one, at the new path. When no deleted file
 * pairs with it, the file was created in that commit and the history starts there (an older,
 * deleted file of the same name is not part of it).
 *
 * <p><b>Merges.</b> A version at a merge commit lists the commits it brought in that changed the
 * file ({@link FileVersion#mergedCommits()}): the commits reachable from a second or later parent
 * and not from the first parent (the side between the merge base and the merged tip) whose file
 * differs from the file in each of their own parents, the way {@code git log -- path} picks
 * commits, looked up at the file's path in the merge and in its first parent.
 *
 * <p><b>Memory.</b> The head is fixed when the history is made. A {@link HistoryWalk} first
 * finds the versions' commit and blob ids (a few dozen bytes each, no file content), then reads
 * the commit and the file of one version at a time, as it is asked for.
 */
public final class FileHistory {

    /** The default largest version read: bigger than any Markdown list we have seen, small enough to hold. */
    public static final int DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

    /** JGit's defaults, not the repository's or the user's configuration: every walk of a history agrees. */
    private static final DiffConfig RENAMES = new Config().get(DiffConfig.KEY);

    private final Repository repository;
    private final String branch;
    private final ObjectId head;
    private final String path;
    private final int maxFileBytes;

    private FileHistory(Repository repository, String branch, ObjectId head, String path, int maxFileBytes) {
        this.repository = repository;
        this.branch = branch;
        this.head = head;
        this.path = path;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * The history of the file at {@code path} on {@code branch} (a short name such as {@code main},
     * or a remote-tracking ref such as {@code refs/remotes/origin/main}: see {@link Mirror#history}).
     */
    public static FileHistory of(Repository repository, String branch, String path) {
        return of(repository, branch, path, DEFAULT_MAX_FILE_BYTES);
    }

    /** As {@link #of(Repository, String, String)}, refusing versions larger than {@code maxFileBytes}. */
    public static FileHistory of(Repository repository, String branch, String path, int maxFileBytes) {
        String file = RepositoryPath.check(path);
        // a remote-tracking ref (a Mirror's refs/remotes/origin/<branch>) is walked as it is named
        boolean tracking = branch.startsWith(Constants.R_REMOTES);
        String shortName = branch.startsWith(Constants.R_HEADS) ? branch.substring(Constants.R_HEADS.length()) : branch;
        String refName = tracking ? branch : Constants.R_HEADS + shortName;
        if (shortName.isEmpty() || !Repository.isValidRefName(refName)) {
            throw new GitBridgeException(Reason.NO_SUCH_BRANCH, "\"" + branch + "\" is not a branch name");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            Ref ref = repository.exactRef(refName);
            ObjectId tip = ref == null ? null : ref.getObjectId();
            if (tip == null) {
                throw new GitBridgeException(Reason.NO_SUCH_BRANCH, "the repository has no branch \"" + shortName + "\"");
            }
            RevCommit headCommit = walk.parseCommit(tip);
            if (Trees.fileAt(walk.getObjectReader(), headCommit.getTree(), file) == null) {
                throw new GitBridgeException(Reason.NO_SUCH_FILE, "there is no file \"" + file + "\" on branch \""
                        + shortName + "\" (at its head, " + headCommit.name() + ")");
            }
            return new FileHistory(repository, shortName, headCommit.copy(), file, maxFileBytes);
        } catch (IOException e) {
            throw new GitBridgeException(Reason.READ_FAILED, "could not read branch \"" + shortName + "\": "
                    + e.getMessage(), e);
        }
    }

    /** The branch head this history ends at (40 hex digits). */
    public String head() {
        return head.name();
    }

    public String branch() {
        return branch;
    }

    /** The file's path at the head. */
    public String path() {
        return path;
    }

    /** Every version, oldest first. Close the walk when done. */
    public HistoryWalk walk() {
        return new HistoryWalk(repository, plan(null), maxFileBytes);
    }

    /**
     * The versions after {@code commitId}, oldest first: for resuming an import whose last
     * version came from that commit. The commit must be on the branch's first-parent chain (else
     * {@link Reason#RESUME_POINT_NOT_FOUND}: the branch was rewritten, or it is another branch's).
     */
    public HistoryWalk walkAfter(String commitId) {
        ObjectId after;
        try {
            after = ObjectId.fromString(commitId);
        } catch (IllegalArgumentException e) {
            throw new GitBridgeException(Reason.RESUME_POINT_NOT_FOUND, "\"" + commitId
                    + "\" is not a full commit id (40 hex digits)", e);
        }
        return new HistoryWalk(repository, plan(after), maxFileBytes);
    }

    /** The versions' ids, oldest first, found by walking back from the head. */
    private List<PlannedVersion> plan(@Nullable ObjectId after) {
        List<PlannedVersion> newestFirst = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRetainBody(false);
            ObjectReader reader = walk.getObjectReader();
            RevCommit commit = walk.parseCommit(head);
            String file = path;
            ObjectId blob = Trees.fileAt(reader, commit.getTree(), file);
            boolean found = after == null;
            while (commit != null && blob != null) {
                if (commit.equals(after)) {
                    found = true;
                    break;
                }
                RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
                String olderPath = file;
                ObjectId olderBlob = null;
                if (parent != null) {
                    olderBlob = Trees.fileAt(reader, parent.getTree(), file);
                    if (olderBlob == null) {
                        String from = Trees.renamedFrom(reader, RENAMES, parent.getTree(), commit.getTree(), file);
                        olderPath = from == null ? file : from;
                        olderBlob = from == null ? null : Trees.fileAt(reader, parent.getTree(), from);
                    }
                }
                if (!blob.equals(olderBlob)) {
                    newestFirst.add(new PlannedVersion(commit.copy(), file, blob, olderPath));
                }
                commit = parent;
                file = olderPath;
                blob = olderBlob;
            }
            // the file was created at the last commit seen; the resume point may be older still
            while (!found && commit != null) {
                found = commit.equals(after);
                commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            }
            if (!found) {
                throw new GitBridgeException(Reason.RESUME_POINT_NOT_FOUND, "commit " + (after == null ? "" : after.name())
                        + " is not on the first-parent history of branch \"" + branch + "\" (at " + head.name()
                        + "): was the branch rewritten?");
            }
        } catch (IOException e) {
            throw new GitBridgeException(Reason.READ_FAILED, "could not read the history of \"" + path + "\" on \""
                    + branch + "\": " + e.getMessage(), e);
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * A version found but not read yet.
     *
     * @param parentPath the file's path in the commit's first parent (differs after a rename)
     */
    record PlannedVersion(ObjectId commit, String path, ObjectId blob, String parentPath) {
    }
}

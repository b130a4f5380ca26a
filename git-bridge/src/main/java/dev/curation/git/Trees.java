package dev.curation.git;

import java.io.IOException;
import java.util.List;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.api.errors.CanceledException;
import org.jspecify.annotations.Nullable;

/** Looks into trees: the blob of a file at a path, and where a file added in a step was renamed from. */
final class Trees {

    private Trees() {
    }

    /** The blob at the path when it is a regular (or executable) file there, else null. */
    static @Nullable ObjectId fileAt(ObjectReader reader, RevTree tree, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null) {
                return null;
            }
            FileMode mode = walk.getFileMode(0);
            return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE ? walk.getObjectId(0) : null;
        }
    }

    /**
     * The old path of the file that became {@code path} in the step from {@code before} to
     * {@code after}, as git's rename detection pairs them over the whole diff of the step (exact
     * content first, then at least 60 % similar, within the rename limit); null when the file was not renamed (it was created).
     */
    static @Nullable String renamedFrom(ObjectReader reader, DiffConfig config, RevTree before, RevTree after,
            String path) throws IOException {
        List<DiffEntry> entries;
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.setRecursive(true);
            walk.addTree(before);
            walk.addTree(after);
            walk.setFilter(TreeFilter.ANY_DIFF);
            entries = DiffEntry.scan(walk);
        }
        RenameDetector detector = new RenameDetector(reader, config);
        detector.addAll(entries);
        try {
            for (DiffEntry entry : detector.compute(reader, NullProgressMonitor.INSTANCE)) {
                if (entry.getChangeType() == ChangeType.RENAME && entry.getNewPath().equals(path)
                        && isFile(entry.getOldMode())) {
                    return entry.getOldPath();
                }
            }
        } catch (CanceledException e) {
            throw new IOException("rename detection was cancelled", e);
        }
        return null;
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }
}

package dev.curation.git;

import dev.curation.git.FileHistory.PlannedVersion;
import dev.curation.git.GitBridgeException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.jspecify.annotations.Nullable;

/**
 * The versions of a {@link FileHistory}, oldest first, read one at a time: only the version
 * handed out last is in memory (the caller decides how long to keep it). Knows how many versions
 * there are before reading any, for progress. Not thread-safe; close it to release the
 * repository's reader.
 */
public final class HistoryWalk implements Iterator<FileVersion>, AutoCloseable {

    private final List<PlannedVersion> plan;
    private final int maxFileBytes;
    private final RevWalk walk;
    private int next;

    HistoryWalk(Repository repository, List<PlannedVersion> plan, int maxFileBytes) {
        this.plan = plan;
        this.maxFileBytes = maxFileBytes;
        this.walk = new RevWalk(repository);
    }

    /** How many versions this walk hands out in all. */
    public int total() {
        return plan.size();
    }

    /** How many versions were handed out so far. */
    public int done() {
        return next;
    }

    @Override
    public boolean hasNext() {
        return next < plan.size();
    }

    @Override
    public FileVersion next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more versions");
        }
        PlannedVersion planned = plan.get(next);
        try {
            FileVersion version = read(planned);
            next++;
            return version;
        } catch (IOException e) {
            throw new GitBridgeException(Reason.READ_FAILED, "could not read commit " + planned.commit().name()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The remaining versions as a stream; closing the stream closes the walk. */
    public Stream<FileVersion> stream() {
        Spliterator<FileVersion> spliterator = Spliterators.spliterator(this, plan.size() - next,
                Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }

    @Override
    public void close() {
        walk.close();
    }

    private FileVersion read(PlannedVersion planned) throws IOException {
        ObjectReader reader = walk.getObjectReader();
        ObjectLoader loader = reader.open(planned.blob(), Constants.OBJ_BLOB);
        if (loader.getSize() > maxFileBytes) {
            throw new GitBridgeException(Reason.FILE_TOO_LARGE, "\"" + planned.path() + "\" at commit "
                    + planned.commit().name() + " has " + loader.getSize() + " bytes, more than the "
                    + maxFileBytes + " allowed");
        }
        byte[] bytes = loader.getBytes(maxFileBytes);
        RevCommit commit = walk.parseCommit(planned.commit());
        List<MergedCommit> merged = commit.getParentCount() > 1
                ? mergedCommits(commit, planned.path(), planned.parentPath()) : List.of();
        FileVersion version = new FileVersion(commit.name(), planned.path(), bytes, Signature.of(commit.getAuthorIdent()),
                Signature.of(commit.getCommitterIdent()), commit.getFullMessage(), CoAuthors.of(commit), merged);
        commit.disposeBody();
        return version;
    }

    /** The commits the merge brought in (not reachable from its first parent) that changed the file. */
    private List<MergedCommit> mergedCommits(RevCommit merge, String path, String firstParentPath) throws IOException {
        List<MergedCommit> merged = new ArrayList<>();
        try (RevWalk side = new RevWalk(walk.getObjectReader())) {
            side.sort(RevSort.TOPO, true);
            side.sort(RevSort.REVERSE, true);
            side.markUninteresting(side.parseCommit(merge.getParent(0)));
            for (int i = 1; i < merge.getParentCount(); i++) {
                side.markStart(side.parseCommit(merge.getParent(i)));
            }
            for (RevCommit commit : side) {
                if (changesFile(side, commit, path, firstParentPath)) {
                    merged.add(new MergedCommit(commit.name(), Signature.of(commit.getAuthorIdent()), CoAuthors.of(commit)));
                }
            }
        }
        return merged;
    }

    /** Whether the commit's file differs from the file in each of its parents (git log's rule). */
    private static boolean changesFile(RevWalk side, RevCommit commit, String path, String otherPath) throws IOException {
        ObjectId file = fileAt(side, commit, path, otherPath);
        if (file == null) {
            return false;
        }
        for (RevCommit parent : commit.getParents()) {
            if (file.equals(fileAt(side, side.parseCommit(parent), path, otherPath))) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable ObjectId fileAt(RevWalk side, RevCommit commit, String path, String otherPath)
            throws IOException {
        ObjectId file = Trees.fileAt(side.getObjectReader(), commit.getTree(), path);
        return file != null || path.equals(otherPath) ? file
                : Trees.fileAt(side.getObjectReader(), commit.getTree(), otherPath);
    }
}

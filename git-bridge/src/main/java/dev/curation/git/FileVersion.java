package dev.curation.git;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * One version of the file: the state at a first-parent commit that changed its bytes.
 *
 * @param commitId       the commit (40 hex digits)
 * @param path           the file's path at that commit (it follows renames)
 * @param bytes          the file exactly as stored in the commit (line endings, a BOM and bytes that
 *                       are not UTF-8 untouched); the accessor hands out a copy
 * @param author         who wrote the change, at the author date in their time zone
 * @param committer      who committed it (differs from the author after a rebase, an applied patch
 *                       or a merge made on a forge)
 * @param message        the full commit message (its trailers: {@link #trailers()})
 * @param coAuthors      people named by {@code Co-authored-by:} trailers
 * @param mergedCommits  for a merge commit, the commits it brought in that changed the file, oldest
 *                       first (see {@link FileHistory}); empty for other commits
 */
public record FileVersion(String commitId, String path, byte[] bytes, Signature author, Signature committer,
        String message, List<Identity> coAuthors, List<MergedCommit> mergedCommits) {

    public FileVersion {
        requireNonNull(commitId, "commitId");
        requireNonNull(path, "path");
        bytes = bytes.clone();
        requireNonNull(author, "author");
        requireNonNull(committer, "committer");
        requireNonNull(message, "message");
        coAuthors = List.copyOf(coAuthors);
        mergedCommits = List.copyOf(mergedCommits);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** The trailers of the commit message ({@code Curation-Version: 7} and the like), in order. */
    public List<Trailer> trailers() {
        return Trailers.of(message);
    }

    /** Whether the version came with a merge that brought in changes to the file from another branch. */
    public boolean isMerge() {
        return !mergedCommits.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileVersion v && commitId.equals(v.commitId) && path.equals(v.path)
                && Arrays.equals(bytes, v.bytes) && author.equals(v.author) && committer.equals(v.committer)
                && message.equals(v.message) && coAuthors.equals(v.coAuthors)
                && mergedCommits.equals(v.mergedCommits);
    }

    @Override
    public int hashCode() {
        return 31 * commitId.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "FileVersion[" + commitId + " " + path + ", " + bytes.length + " bytes, by " + author.name() + "]";
    }
}

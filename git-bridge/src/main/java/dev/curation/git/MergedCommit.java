package dev.curation.git;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A commit a merge brought in that changed the file: on the merged side (reachable from a
 * second or later parent of the merge, not from its first parent), kept so that a caller can
 * credit its author and co-authors along with the one who merged.
 */
public record MergedCommit(String commitId, Signature author, List<Identity> coAuthors) {
    public MergedCommit {
        requireNonNull(commitId, "commitId");
        requireNonNull(author, "author");
        coAuthors = List.copyOf(coAuthors);
    }
}

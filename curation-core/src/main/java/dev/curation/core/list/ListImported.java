package dev.curation.core.list;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A list was created from a Markdown file. Its content follows in {@code parts}
 * {@link ListContentImported} events (large files are split so that no event is huge);
 * {@code lastId} is the id counter after numbering every node. Imported from git, {@code commit} is the
 * commit of this first version and {@code git} the file's history the import goes on with: the list is
 * importing until {@link HistoryImported}.
 */
@EventRevision("1")
public record ListImported(String listId, String slug, int parts, int nodeCount, long lastId, @Nullable GitCommit commit,
                           @Nullable GitSource git) implements ListEvent {

    /** A list imported from a file, not from a repository's history. */
    public ListImported(String listId, String slug, int parts, int nodeCount, long lastId) {
        this(listId, slug, parts, nodeCount, lastId, null, null);
    }

    public ListImported {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(slug, "slug");
    }
}

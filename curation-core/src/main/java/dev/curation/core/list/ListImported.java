package dev.curation.core.list;

import java.util.Objects;

/**
 * A list was created from a Markdown file. Its content follows in {@code parts}
 * {@link ListContentImported} events (large files are split so that no event is huge);
 * {@code lastId} is the id counter after numbering every node.
 */
@EventRevision("1")
public record ListImported(String listId, String slug, int parts, int nodeCount, long lastId) implements ListEvent {

    public ListImported {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(slug, "slug");
    }
}

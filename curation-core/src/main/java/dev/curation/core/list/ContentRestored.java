package dev.curation.core.list;

import dev.curation.core.document.DocumentNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Removed content came back as it was, by a revert: {@code nodes} are one entry or text block, or
 * a section followed by everything that was below it in document order, with their original ids
 * and lines. The first node is inserted as block (or, a section, as child) {@code index} of
 * {@code parent} (null: the preamble or the top level); the others go below it.
 */
@EventRevision("1")
public record ContentRestored(String listId, @Nullable String parent, int index, List<DocumentNode> nodes)
        implements ListEvent {

    public ContentRestored {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a restoration restores something");
        }
    }

    /** The restored entry, text block or section (the others were below it). */
    public DocumentNode root() {
        return nodes.getFirst();
    }
}

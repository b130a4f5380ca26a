package dev.curation.core.list;

import dev.curation.core.document.DocumentNode;
import java.util.List;
import java.util.Objects;

/** One part (0-based) of an imported list's content: nodes in document order. */
@EventRevision("1")
public record ListContentImported(String listId, int part, List<DocumentNode> nodes) implements ListEvent {

    public ListContentImported {
        Objects.requireNonNull(listId, "listId");
        nodes = List.copyOf(nodes);
    }
}

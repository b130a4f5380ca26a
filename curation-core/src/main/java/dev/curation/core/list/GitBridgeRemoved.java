package dev.curation.core.list;

import java.util.Objects;

/** An owner disconnected the list from its repository; nothing more is published or pulled. */
@EventRevision("1")
public record GitBridgeRemoved(String listId, String by) implements ListEvent {

    public GitBridgeRemoved {
        Objects.requireNonNull(listId, "listId");
    }
}

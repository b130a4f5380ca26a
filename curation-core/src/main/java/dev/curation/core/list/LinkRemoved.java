package dev.curation.core.list;

@EventRevision("1")
public record LinkRemoved(String listId, String entry) implements ListEvent {
}

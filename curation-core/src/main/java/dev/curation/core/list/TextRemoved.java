package dev.curation.core.list;

@EventRevision("1")
public record TextRemoved(String listId, String block) implements ListEvent {
}

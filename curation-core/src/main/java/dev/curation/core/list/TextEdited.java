package dev.curation.core.list;

@EventRevision("1")
public record TextEdited(String listId, String block, String raw) implements ListEvent {
}

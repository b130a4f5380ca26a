package dev.curation.core.list;

/** A free-text block was inserted as block {@code index} of {@code section}'s body. */
@EventRevision("1")
public record TextAdded(String listId, String block, String section, int index, String raw) implements ListEvent {
}

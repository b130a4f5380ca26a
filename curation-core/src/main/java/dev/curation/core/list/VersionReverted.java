package dev.curation.core.list;

/** A curator reverted version {@code reverted}; this is {@code version}, and the undoing edit events follow. */
@EventRevision("1")
public record VersionReverted(String listId, long version, long reverted, String by) implements ListEvent {
}

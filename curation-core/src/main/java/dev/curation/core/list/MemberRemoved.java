package dev.curation.core.list;

/** An owner took {@code member}'s role on the list away. */
@EventRevision("1")
public record MemberRemoved(String listId, String member, String by) implements ListEvent {
}

package dev.curation.core.list;

/** An owner gave {@code member} the role {@code role} (a wire name) on the list, or changed it. */
@EventRevision("1")
public record MemberRoleSet(String listId, String member, String role, String by) implements ListEvent {
}

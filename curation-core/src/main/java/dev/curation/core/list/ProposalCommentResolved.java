package dev.curation.core.list;

/** A curator marked a comment on a proposal as resolved. No version. */
@EventRevision("1")
public record ProposalCommentResolved(String listId, String proposal, String comment, String by) implements ListEvent {
}

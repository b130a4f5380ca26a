package dev.curation.core.list;

@EventRevision("1")
public record ProposalRejected(String listId, String proposal, String by, String reason) implements ListEvent {
}

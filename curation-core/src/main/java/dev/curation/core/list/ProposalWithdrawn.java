package dev.curation.core.list;

@EventRevision("1")
public record ProposalWithdrawn(String listId, String proposal, String by) implements ListEvent {
}

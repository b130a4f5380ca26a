package dev.curation.core.list;

/** A curator asked the author to change revision {@code revision} of a proposal, saying why. No version. */
@EventRevision("1")
public record ProposalChangesRequested(String listId, String proposal, int revision, String reason, String by)
        implements ListEvent {
}

package dev.curation.core.list;

/** A curator approved a proposal; it became {@code version} and its edit events follow. */
@EventRevision("1")
public record ProposalApproved(String listId, String proposal, String by, long version, long baseVersion,
                               String rationale) implements ListEvent {
}

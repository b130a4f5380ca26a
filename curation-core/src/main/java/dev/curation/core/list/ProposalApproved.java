package dev.curation.core.list;

import org.jspecify.annotations.Nullable;

/** A curator approved a proposal; it became {@code version} and its edit events follow. */
@EventRevision("1")
public record ProposalApproved(String listId, String proposal, String by, long version, long baseVersion,
                               @Nullable String rationale) implements ListEvent {
}

package dev.curation.core.list;

import org.jspecify.annotations.Nullable;

/**
 * Someone signed in commented on a proposal: on the whole of it, or on one edit of its current
 * revision ({@code edit}, 0-based), or in reply to another comment ({@code replyTo}). No version.
 */
@EventRevision("1")
public record ProposalCommented(String listId, String proposal, String comment, int revision, @Nullable Integer edit,
                                @Nullable String replyTo, String text, String author) implements ListEvent {
}

package dev.curation.core.list;

/**
 * A curator set how proposals to the list are reviewed: how many distinct curators must approve
 * ({@code requiredApprovals}), whether an author who is a curator counts as one of them (never as
 * approving their own proposal), and whether approvals are dismissed when the author amends.
 * The whole policy, so the event means the same whatever the defaults become. No version.
 */
@EventRevision("1")
public record ReviewPolicyChanged(String listId, int requiredApprovals, boolean authorCounts, boolean dismissOnAmend,
                                  String by) implements ListEvent {
}

package dev.curation.core.list;

/**
 * A curator approved revision {@code revision} of a proposal and the list's review policy wants
 * more approvals: {@code approvals} of {@code required} so far. The approval that completes them is
 * {@link ProposalApproved}, which applies the proposal. No version.
 */
@EventRevision("1")
public record ProposalApprovalRecorded(String listId, String proposal, int revision, String by, int approvals, int required)
        implements ListEvent {
}

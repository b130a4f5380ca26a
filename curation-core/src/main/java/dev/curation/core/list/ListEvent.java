package dev.curation.core.list;

/** Everything that can happen to a curated list. */
public sealed interface ListEvent permits ListImported, ListContentImported, ChangeSetApplied, LinkAdded, LinkEdited,
        LinkRemoved, LinkMoved, SectionAdded, SectionRenamed, SectionMoved, SectionRemoved, TextAdded, TextEdited,
        TextRemoved, ProposalSubmitted, ProposalWithdrawn, ProposalRejected, ProposalApproved, VersionReverted,
        LintProfileChanged, ProposalCommented, ProposalCommentResolved, ProposalChangesRequested, ProposalAmended,
        ProposalApprovalRecorded, ReviewPolicyChanged, WebhookSubscribed, WebhookRemoved, WebhookReEnabled,
        ContentRestored, MemberRoleSet, MemberRemoved, CommitImported, HistoryImported, GitBridgeSet,
        GitBridgeRemoved {

    String listId();
}

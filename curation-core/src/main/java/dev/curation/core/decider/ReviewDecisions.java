package dev.curation.core.decider;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.list.ApprovalOutcome;
import dev.curation.core.list.ChangeSetRules;
import dev.curation.core.list.LintFixes;
import dev.curation.core.list.LintGate;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.Proposal;
import dev.curation.core.list.ProposalAmended;
import dev.curation.core.list.ProposalApprovalRecorded;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalChangesRequested;
import dev.curation.core.list.ProposalCheck;
import dev.curation.core.list.ProposalCommentResolved;
import dev.curation.core.list.ProposalCommented;
import dev.curation.core.list.ProposalRejected;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Proposals and their review (ADR 17): contributors propose and amend, everyone with a role
 * comments, curators request changes, reject or approve; the review policy says how many
 * approvals apply a proposal, which then becomes one new version, rebased onto the current one.
 * A proposal is checked against the current list when it is made, so one that cannot apply (or
 * adds a lint error) is refused at once.
 */
final class ReviewDecisions {

    private ReviewDecisions() {
    }

    /** Answers the lint warnings approving the proposal now would add. */
    static Decision submit(ListState state, ListCommand.SubmitProposal command, Actor author, ListHistory history) {
        ProposalCheck proposable = proposable(state, command.baseVersion(), command.edits(), author, history);
        // whether the author curates this list: what a review policy that counts curator authors reads
        ListRole role = state.members().roleOf(author.name(), author.globalRoles());
        boolean byCurator = role != null && role.atLeast(ListRole.CURATOR);
        return Decision.sameVersion(state, new ProposalSubmitted(state.listId(), command.proposal(), proposable.baseVersion(),
                ChangeSetRules.rationale(command.rationale()), command.edits(), author.name(), byCurator))
                .answering(after -> proposable.warnings());
    }

    /**
     * What {@link #submit} would answer, refused as it would be, with no event: a form asks while
     * its author types. Answers the {@link ProposalCheck}.
     */
    static Decision check(ListState state, ListCommand.CheckProposal command, Actor author, ListHistory history) {
        ProposalCheck proposable = proposable(state, command.baseVersion(), command.edits(), author, history);
        return Decision.nothing(state).answering(after -> proposable);
    }

    /** The rules a proposal meets when it is made: who proposes, its base, no added lint error; its base and warnings. */
    static ProposalCheck proposable(ListState state, @Nullable Long baseVersion, List<EditSpec> edits, Actor author,
                                            ListHistory history) {
        MembershipDecisions.require(state, author, ListRole.CONTRIBUTOR, "propose a change");
        long base = ChangeSetRules.base(baseVersion, state.version());
        return new ProposalCheck(base, checkProposed(state, edits, history));
    }

    /** The author's next revision of an open proposal, against a base of their choice; answers its lint warnings. */
    static Decision amend(ListState state, ListCommand.AmendProposal command, Actor author, ListHistory history) {
        MembershipDecisions.require(state, author, ListRole.CONTRIBUTOR, "amend a proposal");
        Proposal proposal = proposal(state, command.proposal());
        proposal.checkAmendmentBy(author.name());
        long base = ChangeSetRules.base(command.baseVersion(), state.version());
        List<LintProblem> warnings = checkProposed(state, command.edits(), history);
        return Decision.sameVersion(state, new ProposalAmended(state.listId(), proposal.id(), proposal.revision() + 1, base,
                ChangeSetRules.rationale(command.rationale()), command.edits(), author.name())).answering(after -> warnings);
    }

    /** A comment on a proposal (on one of its edits, or a reply); a comment id is given once. */
    static Decision comment(ListState state, ListCommand.CommentOnProposal command, Actor author) {
        MembershipDecisions.require(state, author, ListRole.CONTRIBUTOR, "comment on a proposal");
        Proposal proposal = proposal(state, command.proposal());
        proposal.checkComment(command.edit(), command.replyTo());
        if (proposal.comments().containsKey(command.comment())) {
            throw new ListRuleException.IllegalTransition(proposal.id(), "commented with " + command.comment(), "given it again");
        }
        return Decision.sameVersion(state, new ProposalCommented(state.listId(), proposal.id(), command.comment(),
                proposal.revision(), command.edit(), command.replyTo(), Objects.requireNonNull(command.text()).strip(),
                author.name()));
    }

    static Decision resolve(ListState state, ListCommand.ResolveComment command, Actor curator) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "resolve a comment");
        Proposal proposal = proposal(state, command.proposal());
        proposal.checkResolution(command.comment());
        return Decision.sameVersion(state, new ProposalCommentResolved(state.listId(), proposal.id(), command.comment(),
                curator.name()));
    }

    static Decision requestChanges(ListState state, ListCommand.RequestChanges command, Actor curator) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "request changes to a proposal");
        Proposal proposal = proposal(state, command.proposal());
        proposal.checkChangesRequestBy(curator.name());
        return Decision.sameVersion(state, new ProposalChangesRequested(state.listId(), proposal.id(), proposal.revision(),
                ChangeSetRules.reason(command.reason()), curator.name()));
    }

    static Decision withdraw(ListState state, ListCommand.WithdrawProposal command, Actor actor) {
        MembershipDecisions.require(state, actor, ListRole.CONTRIBUTOR, "withdraw a proposal");
        proposal(state, command.proposal()).checkWithdrawalBy(actor.name());
        return Decision.sameVersion(state, new ProposalWithdrawn(state.listId(), command.proposal(), actor.name()));
    }

    static Decision reject(ListState state, ListCommand.RejectProposal command, Actor curator) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "reject a proposal");
        proposal(state, command.proposal()).checkRejection();
        return Decision.sameVersion(state, new ProposalRejected(state.listId(), command.proposal(), curator.name(),
                ChangeSetRules.reason(command.reason())));
    }

    /**
     * Records a curator's approval of the latest revision; when the review policy has all the
     * approvals it wants, applies the proposal's edits as one new version (rebased onto the
     * current one, checked by the lint gate again). Answers {@link ApprovalOutcome}.
     */
    static Decision approve(ListState state, ListCommand.ApproveProposal command, Actor curator, ListHistory history) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "approve a proposal");
        Proposal proposal = proposal(state, command.proposal());
        proposal.checkApprovalBy(curator.name(), command.revision(), state.reviewPolicy());
        ChangeSetRules.expectVersion(command.expectedVersion(), state.version());
        int approvals = proposal.approvalsWith(curator.name(), state.reviewPolicy());
        int required = state.reviewPolicy().requiredApprovals();
        if (approvals < required) {
            return Decision.sameVersion(state, new ProposalApprovalRecorded(state.listId(), proposal.id(), proposal.revision(),
                    curator.name(), approvals, required))
                    .answering(after -> new ApprovalOutcome(null, proposal.revision(), approvals, required));
        }
        long next = state.version() + 1;
        ChangeSetRules.RevertRange revert = ChangeSetRules.revertOf(proposal.edits());
        List<ListEvent> events = new ArrayList<>();
        events.add(new ProposalApproved(state.listId(), proposal.id(), curator.name(), next, proposal.baseVersion(),
                proposal.rationale()));
        events.addAll(revert != null ? ContentDecisions.undoEvents(state, revert, history)
                : ContentDecisions.edit(state, ChangeSetRules.edits(proposal.edits()), proposal.baseVersion()));
        // the list may have changed since the proposal was checked
        LintGate.check(state.document(), events, state.lintProfile());
        return new Decision(events, next, after -> new ApprovalOutcome(after.version(), proposal.revision(), approvals, required));
    }

    /**
     * Proposes the fixes of the list's lint problems of the fixable rules, authored by the curator
     * who asked (so another curator approves, as for any proposal); answers its warnings.
     *
     * @throws ListRuleException.NothingToFix when the list has no such problem
     */
    static Decision proposeLintFixes(ListState state, ListCommand.ProposeLintFixes command, Actor curator, ListHistory history) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "propose lint fixes");
        LintFixes.Fixes fixes = LintFixes.of(state.document(), state.lintProfile(), command.rules());
        if (fixes.edits().isEmpty()) {
            throw new ListRuleException.NothingToFix(command.rules());
        }
        return submit(state, new ListCommand.SubmitProposal(state.listId(), command.proposal(), state.version(),
                fixes.rationale(), fixes.edits()), curator, history);
    }

    /** Lint warnings the change would add; refused (422) if it would add an error. */
    private static List<LintProblem> checkProposed(ListState state, List<EditSpec> specs, ListHistory history) {
        ChangeSetRules.RevertRange revert = ChangeSetRules.revertOf(specs);
        List<ListEvent> events = revert != null ? ContentDecisions.undoEvents(state, revert, history)
                : ListEditor.decide(state.listId(), state.document(), new IdSequence(state.lastId()), ChangeSetRules.edits(specs),
                state.lintProfile().sameUrlInSections());
        LintGate.check(state.document(), events, state.lintProfile());
        LintGate.Warnings warnings = LintGate.warnings(state.document(), events, state.lintProfile());
        if (warnings.items().isEmpty()) {
            return List.of();
        }
        ListDocument after = state.document().copy();
        for (ListEvent event : events) {
            after = ListFold.apply(after, event);
        }
        return warnings.addedIn(after);
    }

    private static Proposal proposal(ListState state, String id) {
        Proposal proposal = state.proposals().get(id);
        if (proposal == null) {
            throw new ListRuleException.NoSuchProposal(id);
        }
        return proposal;
    }
}

package dev.curation.core.decider;

import dev.curation.core.input.InputLimits;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import java.util.List;

/**
 * Every rule of a list in one place: a command on a list, against the list's state and who sends
 * it, becomes the events that record what was accepted, or is refused with the exception that
 * says why ({@code InputException}, {@code EditException}, {@code ListRuleException}). Split by
 * concern: {@link ContentDecisions} (change sets, reverts, rollbacks), {@link ReviewDecisions}
 * (proposals and their review), {@link MembershipDecisions} (who holds which role) and
 * {@link SettingsDecisions} (lint profile, review policy, webhooks).
 */
public final class ListDecider {

    private ListDecider() {
    }

    /** The events of a new list (refused, naming why, when the file is too large for them). */
    public static List<ListEvent> importing(ImportList command, InputLimits limits) {
        return ImportEvents.of(command, limits);
    }

    public static Decision decide(ListState state, ListCommand command, Actor actor, ListHistory history) {
        return decide(state, command, actor, history, InputLimits.DEFAULTS);
    }

    /** As above; {@code limits} size the events of a commit from git. */
    public static Decision decide(ListState state, ListCommand command, Actor actor, ListHistory history,
                                  InputLimits limits) {
        if (!(command instanceof ListCommand.ImportCommit || command instanceof ListCommand.FinishHistoryImport
                || command instanceof ListCommand.CheckRole)) {
            GitDecisions.requireNotImporting(state);
        }
        return switch (command) {
            case ListCommand.ImportCommit c -> GitDecisions.importCommit(state, c, actor, limits);
            case ListCommand.FinishHistoryImport c -> GitDecisions.finishImport(state, c, actor);
            case ListCommand.SetGitBridge c -> GitDecisions.setBridge(state, c, actor);
            case ListCommand.RemoveGitBridge c -> GitDecisions.removeBridge(state, actor);
            case ListCommand.ApplyChangeSet c -> ContentDecisions.applyChangeSet(state, c, actor);
            case ListCommand.RevertVersion c -> ContentDecisions.revert(state, c, actor, history);
            case ListCommand.CheckRevert c -> ContentDecisions.checkRevert(state, c, actor, history);
            case ListCommand.RollBack c -> ContentDecisions.rollBack(state, c, actor, history);
            case ListCommand.SubmitProposal c -> ReviewDecisions.submit(state, c, actor, history);
            case ListCommand.CheckProposal c -> ReviewDecisions.check(state, c, actor, history);
            case ListCommand.AmendProposal c -> ReviewDecisions.amend(state, c, actor, history);
            case ListCommand.CommentOnProposal c -> ReviewDecisions.comment(state, c, actor);
            case ListCommand.ResolveComment c -> ReviewDecisions.resolve(state, c, actor);
            case ListCommand.RequestChanges c -> ReviewDecisions.requestChanges(state, c, actor);
            case ListCommand.WithdrawProposal c -> ReviewDecisions.withdraw(state, c, actor);
            case ListCommand.RejectProposal c -> ReviewDecisions.reject(state, c, actor);
            case ListCommand.ApproveProposal c -> ReviewDecisions.approve(state, c, actor, history);
            case ListCommand.ProposeLintFixes c -> ReviewDecisions.proposeLintFixes(state, c, actor, history);
            case ListCommand.SetMemberRole c -> MembershipDecisions.setRole(state, c, actor);
            case ListCommand.RemoveMember c -> MembershipDecisions.remove(state, c, actor);
            case ListCommand.CheckRole c -> MembershipDecisions.check(state, c, actor);
            case ListCommand.ChangeLintProfile c -> SettingsDecisions.lintProfile(state, c, actor);
            case ListCommand.ChangeReviewPolicy c -> SettingsDecisions.reviewPolicy(state, c, actor);
            case ListCommand.SubscribeWebhook c -> SettingsDecisions.subscribe(state, c, actor);
            case ListCommand.RemoveWebhook c -> SettingsDecisions.removeWebhook(state, c, actor);
            case ListCommand.ReEnableWebhook c -> SettingsDecisions.reEnableWebhook(state, c, actor);
        };
    }
}

package dev.curation.command.list;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.curation.core.decider.Actor;
import dev.curation.core.decider.Decision;
import dev.curation.core.decider.ListDecider;
import dev.curation.core.decider.ListHistory;
import dev.curation.core.decider.ListState;
import dev.curation.core.input.InputLimits;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jspecify.annotations.Nullable;

/**
 * A curated list, event-sourced: an adapter between Axon and curation-core's decider. Each command
 * handler hands its command, with who sent it ({@link Actor}, from the command's metadata) and the
 * list's past versions ({@link ListHistory}), to {@link ListDecider}, stores what it decided as
 * one version, and answers what the decision says; the event sourcing handler folds each event
 * into the {@link ListState}. Every rule lives in core. Commands reach it by their list id
 * ({@link ListCommandTargets}).
 */
@Aggregate(cache = "curatedListCache", commandTargetResolver = ListCommandTargets.BEAN)
class CuratedList {

    @AggregateIdentifier
    private String listId;
    private ListState state = ListState.initial();

    protected CuratedList() {
        // for event sourcing
    }

    @CommandHandler
    CuratedList(ImportList command, SlugRegistry slugs, InputLimits limits) {
        // read (and refused, if too large) before the slug is claimed in this transaction
        List<ListEvent> events = ListDecider.importing(command, limits);
        slugs.claim(command.slug(), command.listId());
        applyAll(events, 1);
    }

    // one handler per command type (Axon routes by payload type), each handing it to the decider
    @CommandHandler @Nullable Object applyChangeSet(ListCommand.ApplyChangeSet c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object revert(ListCommand.RevertVersion c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object checkRevert(ListCommand.CheckRevert c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object rollBack(ListCommand.RollBack c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object submit(ListCommand.SubmitProposal c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object check(ListCommand.CheckProposal c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object amend(ListCommand.AmendProposal c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object comment(ListCommand.CommentOnProposal c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object resolve(ListCommand.ResolveComment c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object requestChanges(ListCommand.RequestChanges c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object withdraw(ListCommand.WithdrawProposal c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object reject(ListCommand.RejectProposal c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object approve(ListCommand.ApproveProposal c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object proposeLintFixes(ListCommand.ProposeLintFixes c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object setMemberRole(ListCommand.SetMemberRole c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object removeMember(ListCommand.RemoveMember c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object checkRole(ListCommand.CheckRole c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object changeLintProfile(ListCommand.ChangeLintProfile c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object changeReviewPolicy(ListCommand.ChangeReviewPolicy c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object subscribeWebhook(ListCommand.SubscribeWebhook c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object removeWebhook(ListCommand.RemoveWebhook c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object reEnableWebhook(ListCommand.ReEnableWebhook c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object finishImport(ListCommand.FinishHistoryImport c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object setGitBridge(ListCommand.SetGitBridge c, Actor a, ListHistory h) { return decide(c, a, h); }
    @CommandHandler @Nullable Object removeGitBridge(ListCommand.RemoveGitBridge c, Actor a, ListHistory h) { return decide(c, a, h); }

    /** A commit from git: its events are sized by the service's limits, as an import's are. */
    @CommandHandler
    @Nullable Object importCommit(ListCommand.ImportCommit c, Actor a, ListHistory h, InputLimits limits) {
        Decision decision = ListDecider.decide(state, c, a, h, limits);
        applyAll(decision.events(), decision.version());
        return decision.answer().apply(state);
    }

    /** Decides in core, stores what was decided, and answers from the list after it. */
    private @Nullable Object decide(ListCommand command, Actor actor, ListHistory history) {
        Decision decision = ListDecider.decide(state, command, actor, history);
        applyAll(decision.events(), decision.version());
        return decision.answer().apply(state);
    }

    /** Applies the events of one command; the last is marked as ending it (and completing its version). */
    private static void applyAll(List<ListEvent> events, long version) {
        for (int i = 0; i < events.size(); i++) {
            apply(events.get(i), MetaData.with(EventMetadata.VERSION, version)
                    .and(EventMetadata.END_OF_VERSION, i == events.size() - 1));
        }
    }

    /** The version comes from stored metadata, where JSON may have made it an Integer. */
    @EventSourcingHandler
    void on(ListEvent event, @MetaDataValue(EventMetadata.VERSION) Number version,
            @MetaDataValue(EventMetadata.ACTOR) @Nullable String actor) {
        listId = event.listId();
        state = state.evolve(event, version.longValue(), actor);
    }

    ListState state() {
        return state;
    }
}

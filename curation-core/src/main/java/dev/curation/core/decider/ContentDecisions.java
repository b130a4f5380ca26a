package dev.curation.core.decider;

import dev.curation.core.document.DocumentDiff;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.edit.Revert;
import dev.curation.core.input.InputException;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.list.ChangeAccepted;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ChangeSetRules;
import dev.curation.core.list.LintGate;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.ProposalCheck;
import dev.curation.core.list.RevertCheck;
import dev.curation.core.list.RevertOutcome;
import dev.curation.core.list.VersionReverted;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The list's content, each change one new version: a curator's change set (rebased onto the
 * current version when nothing it touches changed since its base, checked by the lint gate), a
 * revert of earlier versions, and a rollback of one person's latest run of versions.
 */
final class ContentDecisions {

    private ContentDecisions() {
    }

    /** Answers {@link ChangeAccepted}: the new version with the lint warnings it added. */
    static Decision applyChangeSet(ListState state, ListCommand.ApplyChangeSet command, Actor curator) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "edit the list");
        ChangeSetRules.expectVersion(command.expectedVersion(), state.version());
        long base = ChangeSetRules.base(command.baseVersion(), state.version());
        List<Edit> edits = ChangeSetRules.edits(command.edits());
        long next = state.version() + 1;
        List<ListEvent> events = new ArrayList<>();
        events.add(new ChangeSetApplied(state.listId(), next, base, ChangeSetRules.rationale(command.rationale())));
        events.addAll(edit(state, edits, base));
        LintGate.check(state.document(), events, state.lintProfile());
        LintGate.Warnings warnings = LintGate.warnings(state.document(), events, state.lintProfile());
        return new Decision(events, next, after -> new ChangeAccepted(after.version(), warnings.addedIn(after.document())));
    }

    /** Undoes an earlier version, or a range of them, as one new version; answers {@link RevertOutcome}. */
    static Decision revert(ListState state, ListCommand.RevertVersion command, Actor curator, ListHistory history) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "revert versions");
        long reverted = ChangeSetRules.revertedVersion(command.version());
        long through = ChangeSetRules.revertible(reverted, command.through(), state.version());
        return undo(state, reverted, through, command.through(), null, curator, history)
                .answering(after -> new RevertOutcome(after.version(), reverted, through, null));
    }

    /**
     * What {@link #revert} would do now, refused as it would be, with no event; for someone who
     * may only propose, what proposing that revert would answer (the proposal's rules and refusals,
     * word for word). Answers a {@link RevertCheck} with the changes by id.
     */
    static Decision checkRevert(ListState state, ListCommand.CheckRevert command, Actor actor, ListHistory history) {
        ListRole role = state.members().roleOf(actor.name(), actor.globalRoles());
        boolean curator = role != null && role.atLeast(ListRole.CURATOR);
        RevertCheck check;
        if (curator) {
            long reverted = ChangeSetRules.revertedVersion(command.version());
            long through = ChangeSetRules.revertible(reverted, command.through(), state.version());
            check = previewed(state, false, reverted, through, undoEvents(state, reverted, through, history), List.of());
        } else {
            List<EditSpec> specs = List.of(new EditSpec(EditSpec.REVERT, null, null, null, null, null, null, null, null, null,
                    null, command.version(), command.through()));
            ProposalCheck proposable = ReviewDecisions.proposable(state, null, specs, actor, history);
            ChangeSetRules.RevertRange range = Objects.requireNonNull(ChangeSetRules.revertOf(specs));
            long through = ChangeSetRules.revertible(range.version(), range.through(), state.version());
            check = previewed(state, true, range.version(), through, undoEvents(state, range, history), proposable.warnings());
        }
        RevertCheck answer = check;
        return Decision.nothing(state).answering(after -> answer);
    }

    private static RevertCheck previewed(ListState state, boolean asProposal, long from, long through, List<ListEvent> events,
                                         List<LintProblem> warnings) {
        ListDocument after = state.document().copy();
        for (ListEvent event : events) {
            after = ListFold.apply(after, event);
        }
        return new RevertCheck(asProposal, state.version(), from, through, warnings,
                DocumentDiff.between(state.document(), after));
    }

    /**
     * Undoes the latest run of consecutive versions written by one person (a proposal's versions
     * are its author's) as one new version; refused when someone else changed the same items
     * since. Answers {@link RevertOutcome}, naming whose versions they were.
     */
    static Decision rollBack(ListState state, ListCommand.RollBack command, Actor curator, ListHistory history) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "roll back versions");
        String author = ChangeSetRules.rollbackActor(command.actor());
        long through = 0;
        for (long v = state.version(); v >= 2 && through == 0; v--) {
            if (author.equals(state.authorOf(v))) {
                through = v;
            }
        }
        if (through == 0) {
            throw new ListRuleException.NothingToRollBack(author);
        }
        long from = through;
        while (from > 2 && author.equals(state.authorOf(from - 1))) {
            from--;
        }
        long first = from;
        long last = through;
        Decision undone = undo(state, from, through, through, author, curator, history);
        return undone.answering(after -> new RevertOutcome(after.version(), first, last, author));
    }

    /** The events of edits written against {@code base}. @throws EditException.Clash when an item they touch changed since */
    static List<ListEvent> edit(ListState state, List<Edit> edits, long base) {
        List<String> clashes = ListEditor.clashes(edits, state.lastChanged(), base);
        if (!clashes.isEmpty()) {
            throw new EditException.Clash(clashes, base, state.version());
        }
        return ListEditor.decide(state.listId(), state.document(), new IdSequence(state.lastId()), edits,
                state.lintProfile().sameUrlInSections());
    }

    /** The events that undo versions {@code from} to {@code through} now (curation-core's {@link Revert}). */
    static List<ListEvent> undoEvents(ListState state, long from, long through, ListHistory history) {
        ListHistory.PastVersions past = history.of(state.listId(), from, through);
        if (past.versions().isEmpty()) {
            throw new InputException.Invalid("version", "this list has no version " + from);
        }
        return Revert.undo(state.listId(), past.before(), past.versions(), state.document(), state.version(),
                state.lastChanged(), state.lintProfile().sameUrlInSections());
    }

    /** The events that undo a proposal's revert now. */
    static List<ListEvent> undoEvents(ListState state, ChangeSetRules.RevertRange revert, ListHistory history) {
        long through = ChangeSetRules.revertible(revert.version(), revert.through(), state.version());
        return undoEvents(state, revert.version(), through, history);
    }

    private static Decision undo(ListState state, long from, long through, @Nullable Long recordedThrough,
                                 @Nullable String rollbackOf, Actor curator, ListHistory history) {
        long next = state.version() + 1;
        List<ListEvent> events = new ArrayList<>();
        events.add(new VersionReverted(state.listId(), next, from, recordedThrough, rollbackOf, curator.name()));
        events.addAll(undoEvents(state, from, through, history));
        return new Decision(events, next, ListState::version); // the callers answer more
    }
}

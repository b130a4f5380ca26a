package dev.curation.core.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.edit.Revert;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ObjectAssert;
import org.jspecify.annotations.Nullable;

/**
 * Given-when-then for the decider, without Axon: {@code given} a list's events (each with the
 * version it belongs to and who caused it), {@code when} a command by an actor, {@code then} the
 * events decided, the answer, or the refusal. The list's past versions come from the given events,
 * as the command service reads them from its event store.
 */
final class Given {

    /** An event as stored: the version it belongs to and who caused it. */
    record Stored(ListEvent event, long version, @Nullable String actor) {
    }

    private final List<Stored> history = new ArrayList<>();

    private Given() {
    }

    /** A list of these events, in order (each part one or more stored events). */
    @SafeVarargs
    static Given list(List<Stored>... parts) {
        Given given = new Given();
        for (List<Stored> part : parts) {
            given.history.addAll(part);
        }
        return given;
    }

    /** Events of one version, caused by {@code actor}. */
    static List<Stored> version(long version, @Nullable String actor, ListEvent... events) {
        return Arrays.stream(events).map(e -> new Stored(e, version, actor)).toList();
    }

    @SafeVarargs
    static List<Stored> all(List<Stored>... parts) {
        List<Stored> all = new ArrayList<>();
        for (List<Stored> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    Given and(List<Stored> more) {
        history.addAll(more);
        return this;
    }

    ListState state() {
        ListState state = ListState.initial();
        for (Stored stored : history) {
            state = state.evolve(stored.event(), stored.version(), stored.actor());
        }
        return state;
    }

    /** Past versions as the event store gives them: the document before {@code from}, each later version's events. */
    ListHistory pastVersions() {
        return (listId, from, through) -> {
            ListDocument before = null;
            Map<Long, List<ListEvent>> versions = new TreeMap<>();
            for (Stored stored : history) {
                if (stored.version() < from) {
                    before = ListFold.apply(before, stored.event());
                } else if (stored.version() <= through) {
                    versions.computeIfAbsent(stored.version(), v -> new ArrayList<>()).add(stored.event());
                }
            }
            List<Revert.PastVersion> past = new ArrayList<>();
            versions.forEach((version, events) -> past.add(new Revert.PastVersion(version, events)));
            return new ListHistory.PastVersions(before == null ? new ListDocument() : before, past);
        };
    }

    Decision when(ListCommand command, Actor actor) {
        return ListDecider.decide(state(), command, actor, pastVersions());
    }

    /** The events {@code command} decides. */
    List<ListEvent> decided(ListCommand command, Actor actor) {
        return when(command, actor).events();
    }

    /** The answer the sender gets once the decided events are applied. */
    ObjectAssert<@Nullable Object> answer(ListCommand command, Actor actor) {
        Decision decision = when(command, actor);
        return assertThat(decision.answer().apply(applied(decision, actor)));
    }

    /** The list once the events {@code command} decides are applied, as the aggregate applies them. */
    ListState after(ListCommand command, Actor actor) {
        return applied(when(command, actor), actor);
    }

    /** The list as Markdown once the events {@code command} decides are applied. */
    String markdownAfter(ListCommand command, Actor actor) {
        return MarkdownWriter.write(after(command, actor).document());
    }

    private ListState applied(Decision decision, Actor actor) {
        ListState state = state();
        for (ListEvent event : decision.events()) {
            state = state.evolve(event, decision.version(), actor.name());
        }
        return state;
    }

    /** The refusal {@code command} gets; nothing is decided. */
    AbstractThrowableAssert<?, ? extends Throwable> refused(ListCommand command, Actor actor) {
        Throwable thrown = catchThrowable(() -> when(command, actor));
        assertThat(thrown).as("refused").isNotNull();
        return assertThat(thrown);
    }
}

package dev.curation.core.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Revert;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.AbstractThrowableAssert;
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

    static Given list(List<Stored> events) {
        Given given = new Given();
        given.history.addAll(events);
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
        ListState state = state();
        Decision decision = ListDecider.decide(state, command, actor, pastVersions());
        for (ListEvent event : decision.events()) {
            state = state.evolve(event, decision.version(), actor.name());
        }
        return assertThat(decision.answer().apply(state));
    }

    /** The refusal {@code command} gets; nothing is decided. */
    AbstractThrowableAssert<?, ? extends Throwable> refused(ListCommand command, Actor actor) {
        Throwable thrown = catchThrowable(() -> when(command, actor));
        assertThat(thrown).as("refused").isNotNull();
        return assertThat(thrown);
    }
}

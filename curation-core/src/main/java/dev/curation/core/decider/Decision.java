package dev.curation.core.decider;

import dev.curation.core.list.ListEvent;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a command decided: the events to store, all of {@code version} (the list's next version
 * for a change of content, its current one otherwise), and the answer for the sender, read from
 * the state once the events are applied (a change's lint warnings are those of the list after it).
 */
public record Decision(List<ListEvent> events, long version,
                       Function<ListState, @Nullable Object> answer) {

    public Decision {
        events = List.copyOf(events);
    }

    /** Events of the current version (proposals, settings, members): they make no new version. */
    static Decision sameVersion(ListState state, ListEvent event) {
        return new Decision(List.of(event), state.version(), after -> null);
    }

    /** Nothing to store: accepted as it is. */
    static Decision nothing(ListState state) {
        return new Decision(List.of(), state.version(), after -> null);
    }

    Decision answering(Function<ListState, @Nullable Object> answer) {
        return new Decision(events, version, answer);
    }
}

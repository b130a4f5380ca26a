package dev.curation.command.list;

import dev.curation.core.decider.ListHistory;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Revert;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListFold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads a list's stream up to the last version asked for, folding what came before the first. */
@Component
class EventStoreListVersions implements ListHistory {

    private final EventStore events;

    EventStoreListVersions(EventStore events) {
        this.events = events;
    }

    @Override
    public PastVersions of(String listId, long from, long through) {
        ListDocument before = null;
        Map<Long, List<ListEvent>> changed = new TreeMap<>();
        DomainEventStream stream = events.readEvents(listId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            long version = ((Number) message.getMetaData().getOrDefault(EventMetadata.VERSION, 0L)).longValue();
            if (!(message.getPayload() instanceof ListEvent event) || version > through) {
                break;
            }
            if (version < from) {
                before = ListFold.apply(before, event);
            } else if (!ListEvents.makesNoVersion(event)) {
                // a proposal's review or a setting shares the version number but is not part of it
                changed.computeIfAbsent(version, v -> new ArrayList<>()).add(event);
            }
        }
        List<Revert.PastVersion> versions = changed.entrySet().stream()
                .map(e -> new Revert.PastVersion(e.getKey(), e.getValue())).toList();
        return new PastVersions(before == null ? new ListDocument() : before, versions);
    }
}

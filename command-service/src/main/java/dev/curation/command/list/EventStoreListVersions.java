package dev.curation.command.list;

import dev.curation.core.document.ListDocument;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads a list's stream up to the version asked for, folding what came before it. */
@Component
class EventStoreListVersions implements ListVersions {

    private final EventStore events;

    EventStoreListVersions(EventStore events) {
        this.events = events;
    }

    @Override
    public PastVersion of(String listId, long target) {
        ListDocument before = null;
        List<ListEvent> changed = new ArrayList<>();
        DomainEventStream stream = events.readEvents(listId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            long version = ((Number) message.getMetaData().getOrDefault(EventMetadata.VERSION, 0L)).longValue();
            if (!(message.getPayload() instanceof ListEvent event) || version > target) {
                break;
            }
            if (version < target) {
                before = ListFold.apply(before, event);
            } else {
                changed.add(event);
            }
        }
        return new PastVersion(before == null ? new ListDocument() : before, List.copyOf(changed));
    }
}

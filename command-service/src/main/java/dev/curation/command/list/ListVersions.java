package dev.curation.command.list;

import dev.curation.core.document.ListDocument;
import dev.curation.core.list.ListEvent;
import java.util.List;

/**
 * What an earlier version of a list did: the port a revert needs, since the list itself keeps
 * only its current state. Read from the event store ({@link EventStoreListVersions}).
 */
public interface ListVersions {

    /** The list as it was before {@code version}, and the events of that version (none if it has no such version). */
    PastVersion of(String listId, long version);

    record PastVersion(ListDocument before, List<ListEvent> events) {
    }
}

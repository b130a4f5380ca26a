package dev.curation.command.list;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.curation.core.document.ListDocument;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListImport;
import dev.curation.core.list.ListImported;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A curated list, event-sourced. Its state is the document folded from its events with the
 * shared {@link ListFold}; each accepted command is one new list version.
 */
@Aggregate
class CuratedList {

    @AggregateIdentifier
    private String listId;
    private String slug;
    private long version;
    private long lastId;
    private ListDocument document;

    protected CuratedList() {
        // for event sourcing
    }

    @CommandHandler
    CuratedList(ImportList command, SlugRegistry slugs) {
        slugs.claim(command.slug(), command.listId());
        applyVersion(ListImport.events(command), 1);
    }

    /** Applies the events of one accepted command as one list version. */
    private static void applyVersion(List<ListEvent> events, long version) {
        for (int i = 0; i < events.size(); i++) {
            apply(events.get(i), MetaData.with(EventMetadata.VERSION, version).and(EventMetadata.END_OF_VERSION, i == events.size() - 1));
        }
    }

    @EventSourcingHandler
    void on(ListEvent event, @MetaDataValue(EventMetadata.VERSION) Long eventVersion) {
        if (event instanceof ListImported imported) {
            listId = imported.listId();
            slug = imported.slug();
            lastId = imported.lastId();
        }
        version = eventVersion;
        document = ListFold.apply(document, event);
    }

    String slug() {
        return slug;
    }

    long version() {
        return version;
    }

    long lastId() {
        return lastId;
    }

    ListDocument document() {
        return document;
    }
}

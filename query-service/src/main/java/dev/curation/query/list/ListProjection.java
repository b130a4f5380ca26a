package dev.curation.query.list;

import dev.curation.core.document.ListDocument;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListImported;
import dev.curation.query.history.HistoryRecorder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects the list-events topic into the list read models. A batch of records is applied in one
 * database transaction that also records, per list, the last applied sequence; Kafka offsets are
 * committed only after it. A redelivered event has a sequence already applied and is skipped, so
 * every event takes effect exactly once.
 */
@Component
class ListProjection {

    private static final Logger LOG = LoggerFactory.getLogger(ListProjection.class);

    private final ListStore store;
    private final ProposalStore proposals;
    private final EntryIndex entries;
    private final HistoryRecorder history;
    private final JsonMapper json;
    private final TransactionTemplate transactions;

    ListProjection(ListStore store, ProposalStore proposals, EntryIndex entries, HistoryRecorder history,
                   JsonMapper json, TransactionTemplate transactions) {
        this.store = store;
        this.proposals = proposals;
        this.entries = entries;
        this.history = history;
        this.json = json;
        this.transactions = transactions;
    }

    /**
     * Lists as the last committed batch left them, so that a batch does not load and parse the
     * whole document of every list it touches. Written only after a commit; a failed batch evicts
     * the lists it touched (their documents may hold half-applied events).
     */
    private final Map<String, Working> committed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Working> eldest) {
            return size() > 500;
        }
    };

    @KafkaListener(id = "list-projection", idIsGroup = false, topics = "${curation.kafka.topic:" + EventEnvelope.TOPIC + "}", batch = "true")
    synchronized void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        try {
            Map<String, Working> applied = transactions.execute(tx -> apply(records));
            applied.values().forEach(w -> {
                w.published = null;
                w.dirty = false;
            });
            committed.putAll(applied);
        } catch (RuntimeException e) {
            records.forEach(r -> committed.remove(r.key()));
            throw e;
        }
    }

    Map<String, Working> apply(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Working> lists = new LinkedHashMap<>();
        HistoryRecorder.Batch recorded = history.batch();
        EntryIndex.Batch indexed = entries.batch();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventEnvelope envelope = parse(record);
            Working list = lists.computeIfAbsent(envelope.listId(),
                    id -> Optional.ofNullable(committed.get(id)).or(() -> store.byId(id).map(Working::new)).orElse(null));
            long applied = list == null ? -1 : list.lastSequence;
            if (envelope.sequence() <= applied) {
                LOG.debug("skipping redelivered event {} of list {} (sequence {} <= {})", envelope.eventId(),
                        envelope.listId(), envelope.sequence(), applied);
                continue;
            }
            if (envelope.sequence() != applied + 1) {
                throw new IllegalStateException("event " + envelope.eventId() + " of list " + envelope.listId()
                        + " has sequence " + envelope.sequence() + " but " + (applied + 1) + " was expected");
            }
            if (list == null) {
                if (!(envelope.payload() instanceof ListImported imported)) {
                    throw new IllegalStateException("list " + envelope.listId() + " starts with " + envelope.type());
                }
                list = new Working(imported.listId(), imported.slug());
                lists.put(list.listId, list);
                // the list row must exist before rows that refer to it
                store.create(imported.listId(), imported.slug(), Instant.parse(envelope.timestamp()), envelope.actor());
            }
            proposals.apply(envelope);
            recorded.record(envelope, list.document);
            list.apply(envelope);
            indexed.apply(envelope);
            if (envelope.endOfVersion()) {
                recorded.complete(envelope, list.document);
            }
        }
        recorded.flush();
        indexed.flush();
        lists.values().stream().filter(w -> w.dirty).forEach(w -> store.save(w.snapshot(), w.published));
        return lists;
    }

    private EventEnvelope parse(ConsumerRecord<String, byte[]> record) {
        JsonNode node = json.readTree(record.value());
        String type = node.get("type").asString();
        Class<? extends ListEvent> payloadType = EventEnvelope.payloadType(type);
        if (payloadType == null) {
            throw new IllegalStateException("unknown event type " + type + " at offset " + record.offset()
                    + " of partition " + record.partition() + "; upgrade the query service");
        }
        return new EventEnvelope(node.get("eventId").asString(), type, node.path("revision").asString(null),
                node.get("listId").asString(), node.get("version").asLong(), node.get("sequence").asLong(),
                node.get("timestamp").asString(), node.path("actor").asString(null),
                node.path("correlationId").asString(null), node.path("endOfVersion").asBoolean(false),
                json.treeToValue(node.get("payload"), payloadType));
    }

    /** A list being changed by the current batch. */
    private static final class Working {
        private final String listId;
        private final String slug;
        private long version;
        private long lastSequence = -1;
        private ListDocument document;
        private boolean dirty;
        /** The last version completed in this batch, if any: what readers get to see. */
        private PublishedVersion published;

        Working(String listId, String slug) {
            this.listId = listId;
            this.slug = slug;
            this.document = new ListDocument();
        }

        Working(StoredDocument stored) {
            this(stored.listId(), stored.slug());
            this.version = stored.version();
            this.lastSequence = stored.lastSequence();
            this.document = stored.document();
        }

        /** Applies an event; a completed version becomes what readers see (the batch's last one wins). */
        void apply(EventEnvelope envelope) {
            document = ListFold.apply(document, envelope.payload());
            version = envelope.version();
            lastSequence = envelope.sequence();
            dirty = true;
            if (envelope.endOfVersion()) {
                published = PublishedVersion.of(version, document, Instant.parse(envelope.timestamp()), envelope.actor());
            }
        }

        StoredDocument snapshot() {
            return new StoredDocument(listId, slug, version, lastSequence, document);
        }
    }
}

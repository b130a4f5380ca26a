package dev.curation.query.list;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.curation.core.document.ListDocument;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListImported;
import dev.curation.query.config.ProjectionProperties;
import dev.curation.query.config.TopicProperties;
import dev.curation.query.history.HistoryRecorder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.ObjLongConsumer;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
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
    /** How a quarantine for a missing event starts: such a list retries by itself when records arrive. */
    static final String SEQUENCE_GAP = "sequence gap: ";
    /** The id of the live projection's listener container. */
    static final String LISTENER = "list-projection";

    private final ListStore store;
    private final ProposalStore proposals;
    private final LintProfiles lintProfiles;
    private final EntryIndex entries;
    private final HistoryRecorder history;
    private final JsonMapper json;
    /** Every transaction of the projection; the live one's first checks the read model's generation. */
    private final TransactionOperations transactions;
    private final Quarantine quarantine;
    private final ProjectionMetrics metrics;
    /** Told each version readers can now see (after the commit); a rebuild's readers see nothing yet. */
    private final ObjLongConsumer<String> visible;
    private final String topic;
    private final long itemsInMemory;

    @Autowired
    ListProjection(ListStore store, ProposalStore proposals, LintProfiles lintProfiles, EntryIndex entries,
                   HistoryRecorder history, JsonMapper json, TransactionTemplate transactions, JdbcClient jdbc, Quarantine quarantine,
                   ProjectionMetrics metrics, ProjectedVersions versions,
                   TopicProperties topic, ProjectionProperties settings) {
        this.quarantine = quarantine;
        this.metrics = metrics;
        this.visible = versions::committed;
        this.topic = topic.topic();
        this.store = store;
        this.proposals = proposals;
        this.lintProfiles = lintProfiles;
        this.entries = entries;
        this.history = history;
        this.json = json;
        this.itemsInMemory = settings.itemsInMemory();
        this.committed = newCache(itemsInMemory);
        this.transactions = new ReadModelGeneration(transactions, jdbc, this::readModelSwapped);
    }

    /** A projection like {@code live} that writes through {@code transactions} and keeps lists of its own. */
    private ListProjection(ListProjection live, TransactionOperations transactions, Quarantine quarantine,
                           ProjectionMetrics metrics) {
        this.quarantine = quarantine;
        this.metrics = metrics;
        this.visible = (slug, version) -> {
        };
        this.topic = live.topic;
        this.store = live.store;
        this.proposals = live.proposals;
        this.lintProfiles = live.lintProfiles;
        this.entries = live.entries;
        this.history = live.history;
        this.json = live.json;
        this.itemsInMemory = live.itemsInMemory;
        this.committed = newCache(itemsInMemory);
        this.transactions = transactions;
    }

    /** The topic it projects, for its listener's {@code topics} (public: the listener reads it by SpEL). */
    public String topic() {
        return topic;
    }

    /**
     * The projection a rebuild applies the topic with: the same rules, its own lists in memory and
     * its own quarantine, every transaction through {@code transactions} (which point it at the
     * rebuild's tables), and nothing told to readers.
     */
    ListProjection forRebuild(TransactionOperations transactions, Quarantine quarantine, ProjectionMetrics metrics) {
        return new ListProjection(this, transactions, quarantine, metrics);
    }

    /** Bounded by the items the lists hold, not by their number: a few huge lists must not exhaust the heap. */
    private static Cache<String, Working> newCache(long itemsInMemory) {
        // about 1 KB per item; by default a quarter of the heap
        return Caffeine.newBuilder()
                .maximumWeight(itemsInMemory > 0 ? itemsInMemory : Runtime.getRuntime().maxMemory() / 4 / 1024)
                .weigher((String id, Working w) -> 1 + w.document.itemCount())
                .executor(Runnable::run).build();
    }

    /**
     * A rebuild swapped the tables (here or on another replica): what this replica kept in memory
     * describes the old ones. Called inside the transaction that noticed, which then fails and is
     * applied again.
     */
    private void readModelSwapped() {
        committed.invalidateAll();
        quarantine.reload();
    }

    /**
     * Lists as the last committed batch left them, so that a batch does not load and parse the
     * whole document of every list it touches. Written only after a commit; a failed batch evicts
     * the lists it touched (their documents may hold half-applied events). A list that does not fit
     * is loaded from its snapshot again when next needed.
     */
    private final Cache<String, Working> committed;
    /**
     * Batches of different consumer threads run together (their partitions, and so their lists,
     * are disjoint); an operator's retry and forgetting the kept lists run alone.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    @KafkaListener(id = LISTENER, idIsGroup = false, topics = "#{__listener.topic()}", batch = "true")
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        // shared: the consumer threads own disjoint partitions, so disjoint lists
        lock.readLock().lock();
        try {
            onRecordsOfOwnPartitions(records);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Applies records of the partitions this thread owns (a rebuild's thread owns them all). */
    void onRecordsOfOwnPartitions(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> active = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> held = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            (quarantine.holds(Quarantine.keyOf(record)) ? held : active).add(record);
        }
        try {
            commit(transactions.execute(tx -> {
                held.forEach(r -> quarantine.hold(Quarantine.keyOf(r), r));
                return apply(active);
            }));
            awaitingRepair(held);
            lastEventTime(active).ifPresent(metrics::projected);
        } catch (RuntimeException e) {
            evict(records);
            if (ProjectionFailures.isTransient(e)) {
                throw e; // the database is away: the whole batch is retried, nothing is quarantined
            }
            LOG.warn("a batch of {} records failed ({}); applying it list by list to find the cause", records.size(),
                    ProjectionFailures.describe(e));
            isolate(active, held);
            // a gap this batch found may be filled by a later record of the same batch
            awaitingRepair(records);
        }
    }

    /** The time of the batch's last event, from the record's timestamp (the publisher's send time). */
    private static Optional<Instant> lastEventTime(List<ConsumerRecord<String, byte[]>> records) {
        return records.isEmpty() ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(records.getLast().timestamp())).filter(t -> t.toEpochMilli() > 0);
    }

    /**
     * A list quarantined for a missing event waits for the repair (the event store republished):
     * when records for it arrive, its held records are tried again, in sequence order.
     */
    private void awaitingRepair(List<ConsumerRecord<String, byte[]>> held) {
        held.stream().map(Quarantine::keyOf).distinct()
                .filter(key -> Boolean.TRUE.equals(transactions.execute(tx -> quarantine.awaitsRepair(key))))
                .forEach(key -> {
                    // the list is in this thread's partitions: no other thread applies it
                    RetryOutcome outcome = retryHeld(key, List.of());
                    if (outcome.released()) {
                        LOG.info("list {} repaired: its missing events arrived", key);
                    }
                });
    }

    /**
     * Applies a failed batch one list at a time: the lists whose records apply are committed,
     * a list whose records fail is quarantined with its records held, and the batch completes, so
     * one bad record never stops the others.
     */
    private void isolate(List<ConsumerRecord<String, byte[]>> active, List<ConsumerRecord<String, byte[]>> held) {
        transactions.executeWithoutResult(tx -> held.forEach(r -> quarantine.hold(Quarantine.keyOf(r), r)));
        Map<String, List<ConsumerRecord<String, byte[]>>> byList = new LinkedHashMap<>();
        active.forEach(r -> byList.computeIfAbsent(Quarantine.keyOf(r), k -> new ArrayList<>()).add(r));
        byList.forEach((key, records) -> {
            try {
                commit(transactions.execute(tx -> apply(records)));
            } catch (RuntimeException e) {
                evict(records);
                if (ProjectionFailures.isTransient(e)) {
                    throw e;
                }
                quarantineFromFirstFailure(key, records, e);
            }
        });
    }

    /**
     * Applies a list's records one at a time up to the first that fails, and quarantines the list
     * from there: the events before a bad record take effect whichever batch they arrived in, so a
     * rebuild, reading other batches than the live projection did, ends the same.
     */
    private void quarantineFromFirstFailure(String key, List<ConsumerRecord<String, byte[]>> records, RuntimeException failure) {
        int applied = 0;
        RuntimeException first = failure;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                commit(transactions.execute(tx -> apply(List.of(record))));
                applied++;
            } catch (RuntimeException e) {
                evict(List.of(record));
                if (ProjectionFailures.isTransient(e)) {
                    throw e;
                }
                first = e;
                break;
            }
        }
        List<ConsumerRecord<String, byte[]>> rest = records.subList(applied, records.size());
        if (rest.isEmpty()) {
            return; // each applied alone: what failed was the batch, not a record of this list
        }
        String error = ProjectionFailures.describe(first);
        LOG.error("quarantining list {}: {}; its records are held until an operator retries it "
                + "(POST /api/operations/quarantine/{}/retry)", key, error, key, first);
        transactions.executeWithoutResult(tx -> {
            quarantine.quarantine(key, error);
            rest.forEach(r -> quarantine.hold(key, r));
        });
        quarantine.remember(key);
        metrics.quarantined();
    }

    /**
     * Applies the held records of a quarantined list, after {@code discarded} ones (records that
     * are not events of ours) are dropped. Applied records are skipped by sequence as always.
     * Released when they all apply; otherwise the list stays quarantined with the new error.
     */
    RetryOutcome retry(String key, List<RecordPosition> discarded) {
        // alone: an operator's retry must not meet a batch that holds the list's newer records
        lock.writeLock().lock();
        try {
            return retryHeld(key, discarded);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private RetryOutcome retryHeld(String key, List<RecordPosition> discarded) {
        if (!quarantine.holds(key)) {
            return new RetryOutcome(key, false, 0, "not quarantined");
        }
        transactions.executeWithoutResult(tx -> discarded.forEach(p -> {
            LOG.warn("operator discards record {}-{} held for list {}", p.partition(), p.offset(), key);
            quarantine.discard(key, p.partition(), p.offset());
        }));
        // every read and write of the projection is in one of its transactions (a rebuild's point at its tables)
        List<ConsumerRecord<String, byte[]>> records = inSequenceOrder(transactions.execute(tx -> quarantine.held(key, topic)));
        try {
            commit(transactions.execute(tx -> {
                Map<String, Working> applied = apply(records);
                quarantine.release(key);
                return applied;
            }));
            quarantine.forget(key);
            LOG.info("list {} released from quarantine; {} held records applied", key, records.size());
            return new RetryOutcome(key, true, records.size(), null);
        } catch (RuntimeException e) {
            evict(records);
            String error = ProjectionFailures.describe(e);
            transactions.executeWithoutResult(tx -> quarantine.retryFailed(key, error));
            return new RetryOutcome(key, false, 0, error);
        }
    }

    record RecordPosition(int partition, long offset) {
    }

    /**
     * Held records by the list's sequence: republished events arrive after the ones that found
     * the gap. Records without a readable sequence keep their place at the end, in log order.
     */
    private List<ConsumerRecord<String, byte[]>> inSequenceOrder(List<ConsumerRecord<String, byte[]>> records) {
        record Sequenced(long sequence, int index, ConsumerRecord<String, byte[]> record) {
        }
        List<Sequenced> sequenced = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            long sequence = Long.MAX_VALUE;
            try {
                sequence = json.readTree(records.get(i).value()).required("sequence").asLong();
            } catch (RuntimeException e) {
                // unreadable: stays in log order after the readable ones, and fails the retry there
            }
            sequenced.add(new Sequenced(sequence, i, records.get(i)));
        }
        sequenced.sort(Comparator.comparingLong(Sequenced::sequence).thenComparingInt(Sequenced::index));
        return sequenced.stream().map(Sequenced::record).toList();
    }

    record RetryOutcome(String listKey, boolean released, int applied, String error) {
    }

    /** Drops what is kept in memory of lists; they are read from the database when next needed. */
    void forgetLists() {
        lock.writeLock().lock();
        try {
            committed.invalidateAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void commit(Map<String, Working> applied) {
        applied.values().forEach(w -> {
            if (w.published != null) {
                // committed: reads waiting for this version (minVersion) may go on
                visible.accept(w.slug, w.published.version());
            }
            w.published = null;
            w.dirty = false;
        });
        committed.putAll(applied);
    }

    /** Lists a failed transaction touched may hold half-applied events in memory. */
    private void evict(List<ConsumerRecord<String, byte[]>> records) {
        records.forEach(r -> committed.invalidate(r.key()));
    }

    Map<String, Working> apply(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Working> lists = new LinkedHashMap<>();
        HistoryRecorder.Batch recorded = history.batch();
        EntryIndex.Batch indexed = entries.batch();
        for (ConsumerRecord<String, byte[]> record : records) {
            // the trace of the request that caused the event, in every log line about it
            String traceId = ProjectionFailures.traceId(record);
            if (traceId != null) {
                MDC.put("traceId", traceId);
            }
            try {
                applyOne(record, lists, recorded, indexed);
            } catch (RuntimeException e) {
                throw new ProjectionFailures.RecordFailed(record, e);
            } finally {
                MDC.remove("traceId");
            }
        }
        recorded.flush();
        indexed.flush();
        lists.values().stream().filter(w -> w.dirty).forEach(w -> store.save(w.snapshot(), w.published));
        return lists;
    }

    private void applyOne(ConsumerRecord<String, byte[]> record, Map<String, Working> lists,
                          HistoryRecorder.Batch recorded, EntryIndex.Batch indexed) {
        ArrivedEvent arrived = ArrivedEvent.read(json, record);
        EventEnvelope envelope = arrived.envelope();
        Working list = lists.computeIfAbsent(envelope.listId(),
                id -> Optional.ofNullable(committed.getIfPresent(id)).or(() -> store.byId(id).map(Working::new)).orElse(null));
        long applied = list == null ? -1 : list.lastSequence;
        if (envelope.sequence() <= applied) {
            LOG.debug("skipping redelivered event {} of list {} (sequence {} <= {})", envelope.eventId(),
                    envelope.listId(), envelope.sequence(), applied);
            return;
        }
        if (envelope.sequence() != applied + 1) {
            throw new IllegalStateException(SEQUENCE_GAP + "event " + envelope.eventId() + " of list " + envelope.listId()
                    + " has sequence " + envelope.sequence() + " but " + (applied + 1) + " was expected; republish "
                    + "from the event store to repair it");
        }
        if (list == null) {
            if (!(envelope.payload() instanceof ListImported imported)) {
                throw new IllegalStateException("list " + envelope.listId() + " starts with " + envelope.type());
            }
            list = new Working(imported.listId(), imported.slug());
            lists.put(list.listId, list);
            // the list row must exist before rows that refer to it
            store.create(imported.listId(), imported.slug(), envelope.timestamp(), envelope.actor());
        }
        proposals.apply(envelope);
        lintProfiles.apply(envelope);
        recorded.record(envelope, arrived.payloadJson(), list.document);
        list.apply(envelope);
        indexed.apply(envelope);
        if (envelope.endOfVersion()) {
            recorded.complete(envelope, list.document);
        }
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
                published = PublishedVersion.of(version, document, envelope.timestamp(), envelope.actor());
            }
        }

        StoredDocument snapshot() {
            return new StoredDocument(listId, slug, version, lastSequence, document);
        }
    }
}

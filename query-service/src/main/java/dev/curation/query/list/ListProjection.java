package dev.curation.query.list;

import dev.curation.query.config.ProjectionProperties;
import dev.curation.query.config.TopicProperties;
import dev.curation.query.history.HistoryRecorder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
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
 * every event takes effect exactly once. This class runs the transactions and handles their
 * failures (a failed batch is applied list by list, a list that fails is quarantined, an operator
 * retries it); {@link ListBatches} applies the records.
 */
@Component
class ListProjection {

    private static final Logger LOG = LoggerFactory.getLogger(ListProjection.class);
    /** The id of the live projection's listener container. */
    static final String LISTENER = "list-projection";

    /** Applies records and keeps the lists the last committed batch left. */
    private final ListBatches batches;
    private final JsonMapper json;
    /** Every transaction of the projection; the live one's first checks the read model's generation. */
    private final TransactionOperations transactions;
    private final Quarantine quarantine;
    private final ProjectionMetrics metrics;
    private final String topic;
    /**
     * Batches of different consumer threads run together (their partitions, and so their lists,
     * are disjoint); an operator's retry and forgetting the kept lists run alone.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    @Autowired
    ListProjection(ListStore store, ProposalStore proposals, LintProfiles lintProfiles, LintCounts lintCounts, EntryIndex entries,
                   HistoryRecorder history, JsonMapper json, TransactionTemplate transactions, JdbcClient jdbc, Quarantine quarantine,
                   ProjectionMetrics metrics, ProjectedVersions versions,
                   TopicProperties topic, ProjectionProperties settings, Tracer tracer, Propagator propagator) {
        this.quarantine = quarantine;
        this.metrics = metrics;
        this.topic = topic.topic();
        this.batches = new ListBatches(store, proposals, lintProfiles, lintCounts, entries, history, json, versions::committed,
                settings.itemsInMemory(), tracer, propagator);
        metrics.listLoads(batches);
        this.json = json;
        this.transactions = new ReadModelGeneration(transactions, jdbc, this::readModelSwapped);
    }

    /** A projection like {@code live} that writes through {@code transactions} and keeps lists of its own. */
    private ListProjection(ListProjection live, TransactionOperations transactions, Quarantine quarantine,
                           ProjectionMetrics metrics) {
        this.quarantine = quarantine;
        this.metrics = metrics;
        this.topic = live.topic;
        this.batches = live.batches.unseen();
        this.json = live.json;
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

    /** The rebuild a {@link #forRebuild} projection was made for ended: this live one gets its whole memory budget back. */
    void rebuildEnded() {
        batches.rebuildEnded();
    }

    /**
     * A rebuild swapped the tables (here or on another replica): what this replica kept in memory
     * describes the old ones. Called inside the transaction that noticed, which then fails and is
     * applied again.
     */
    private void readModelSwapped() {
        batches.forget();
        quarantine.reload();
    }

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
        long polledMillis = System.currentTimeMillis();
        long polledNanos = System.nanoTime();
        List<ConsumerRecord<String, byte[]>> active = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> held = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            (quarantine.holds(Quarantine.keyOf(record)) ? held : active).add(record);
        }
        try {
            batches.commit(transactions.execute(tx -> {
                held.forEach(r -> quarantine.hold(Quarantine.keyOf(r), r));
                return batches.apply(active);
            }));
            metrics.hops(active, polledMillis, polledNanos);
            awaitingRepair(held);
            lastEventTime(active).ifPresent(metrics::projected);
        } catch (RuntimeException e) {
            batches.evict(records);
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
                batches.commit(transactions.execute(tx -> batches.apply(records)));
            } catch (RuntimeException e) {
                batches.evict(records);
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
                batches.commit(transactions.execute(tx -> batches.apply(List.of(record))));
                applied++;
            } catch (RuntimeException e) {
                batches.evict(List.of(record));
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
            batches.commit(transactions.execute(tx -> {
                Map<String, ListBatches.Working> applied = batches.apply(records);
                quarantine.release(key);
                return applied;
            }));
            quarantine.forget(key);
            LOG.info("list {} released from quarantine; {} held records applied", key, records.size());
            return new RetryOutcome(key, true, records.size(), null);
        } catch (RuntimeException e) {
            batches.evict(records);
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
            batches.forget();
        } finally {
            lock.writeLock().unlock();
        }
    }
}

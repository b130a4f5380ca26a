package dev.curation.query.list;

import dev.curation.query.config.RebuildProperties;
import dev.curation.query.config.TopicProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the topic while the current ones keep serving, then swaps them
 * in atomically (ADR 14). The topic is read from its beginning by a consumer of its own (no group,
 * nothing committed) and applied by a {@link ListProjection#forRebuild projection like the live
 * one} into fresh tables in the schema {@value RebuildTables#SCHEMA}, made like the live ones but
 * without their secondary indexes and foreign keys, which are built once the tables hold the whole
 * topic ({@link RebuildTables} does what is done to the tables). Then,
 * in one transaction, the generation is bumped (which waits for the live batches in flight and
 * holds back new ones), the rebuilt tables are checked to hold at least what the live ones hold,
 * and the live tables are moved out of {@code public} and the rebuilt ones in. Readers and the
 * live projection, on this replica and on others, continue on the new tables; the live
 * projection skips by sequence what the rebuild already applied. If the check fails (the live
 * side got ahead), the rebuild reads on and tries again.
 */
@Service
public class ReadModelRebuild implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);

    /**
     * What a rebuild did or is doing. {@code state}: running, swapped or failed; {@code records}
     * read so far, of {@code recordsAtStart} in the topic when it started; {@code catchUpSeconds}
     * until the tables held all of those (then indexes, keys and the swap), of which
     * {@code readingSeconds} waiting for the topic and {@code applyingSeconds} projecting
     * {@code batches}.
     */
    public record Status(String state, Instant startedAt, Instant finishedAt, long records, long recordsAtStart,
                         Double catchUpSeconds, long batches, double readingSeconds, double applyingSeconds,
                         long swapAttempts, double recordsPerSecond, String error) {
    }

    /** A rebuild is already running, on this replica or another. */
    public static final class AlreadyRunning extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyRunning(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final RebuildTables tables;
    private final ListProjection live;
    private final Quarantine liveQuarantine;
    private final ConsumerFactory<String, byte[]> consumers;
    private final String topic;
    private final int swapAttempts;
    private final AtomicReference<Status> status = new AtomicReference<>();
    private volatile Thread worker;
    private volatile boolean stopping;

    ReadModelRebuild(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, ListProjection live,
                     Quarantine liveQuarantine,
                     ConsumerFactory<String, byte[]> consumers,
                     TopicProperties topic, RebuildProperties settings) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tables = new RebuildTables(jdbc, transactions);
        this.live = live;
        this.liveQuarantine = liveQuarantine;
        this.consumers = consumers;
        this.topic = topic.topic();
        this.swapAttempts = settings.swapAttempts();
    }

    /** The last rebuild of this replica's lifetime, if any. */
    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; its progress is {@link #status()}. */
    public synchronized Status start() {
        Status last = status.get();
        if (last != null && last.state().equals("running")) {
            throw new AlreadyRunning("a rebuild is already running on this replica");
        }
        // replicas share the database and the schema name: a session lock, held by a connection of
        // the rebuild's own, lets one rebuild run at a time (and is let go if this process dies)
        Connection lock = lockRebuild();
        Status started = new Status("running", Instant.now(), null, 0, 0, null, 0, 0, 0, 0, 0, null);
        status.set(started);
        worker = Thread.ofPlatform().name("read-model-rebuild").daemon().start(() -> {
            Status end = null;
            try {
                end = run(started.startedAt());
            } finally {
                // let go first: whoever reads the outcome may start the next rebuild at once
                unlock(lock);
                status.set(end != null ? end : new Status("failed", started.startedAt(), Instant.now(), 0, 0, null, 0, 0, 0,
                        0, 0, "the rebuild stopped on an unexpected error; see the log"));
                worker = null;
            }
        });
        return started;
    }

    /** The key of the session lock of a rebuild (PostgreSQL advisory lock). */
    static final long LOCK_KEY = 0x6375726174696f6eL; // "curation"

    /** The connection goes back to the pool, its session lives on: the lock is let go explicitly. */
    private static void unlock(Connection lock) {
        try (lock; var statement = lock.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        } catch (SQLException e) {
            LOG.warn("could not let go of the rebuild's lock (it goes when the connection does): {}", e.toString());
        }
    }

    private Connection lockRebuild() {
        try {
            Connection connection = dataSource.getConnection();
            try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, LOCK_KEY);
                try (var result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return connection;
                    }
                }
            }
            connection.close();
            throw new AlreadyRunning("a rebuild is already running on another replica");
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("could not take the rebuild's lock", e);
        }
    }

    /** Stops a running rebuild when the service stops; its tables are dropped at the next start. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread running = worker;
        if (running != null) {
            running.interrupt();
            running.join(10_000);
        }
    }

    /** Rebuilds and swaps; returns the outcome (published by the caller once the lock is let go). */
    private Status run(Instant startedAt) {
        long started = System.nanoTime();
        Progress progress = new Progress(startedAt, started);
        try {
            List<String> rebuilt = tables.prepare();
            Quarantine quarantine = Quarantine.empty(jdbc);
            // the rebuild's own meters are not published: the live ones describe what readers see
            ListProjection projection = live.forRebuild(tables.inRebuildSchema(), quarantine,
                    new ProjectionMetrics(new SimpleMeterRegistry(), quarantine));
            Set<String> discarded = liveQuarantine.discarded();
            Properties overrides = new Properties();
            overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            // large enough that COPY pays, small enough that a batch's records and rows do not crowd the heap
            overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
            overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
            overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
            try (Consumer<String, byte[]> consumer = consumers.createConsumer("curation-rebuild", "rebuild", null, overrides)) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                progress.atStart = end.values().stream().mapToLong(Long::longValue).sum();
                catchUp(consumer, projection, end, discarded, progress);
                progress.caughtUp = System.nanoTime();
                LOG.info("rebuild caught up with {} records in {} ms ({} batches; {} ms reading the topic, {} ms applying); "
                                + "building indexes", progress.records, (progress.caughtUp - started) / 1_000_000,
                        progress.batches, progress.pollNanos / 1_000_000, progress.applyNanos / 1_000_000);
                tables.buildIndexesAndKeys(rebuilt);
                boolean swapped = false;
                while (!swapped) {
                    if (progress.attempts >= swapAttempts) {
                        throw new IllegalStateException("the live read model kept ahead of the rebuild in " + swapAttempts
                                + " attempts to swap; nothing was swapped");
                    }
                    progress.attempts++;
                    catchUp(consumer, projection, consumer.endOffsets(partitions), discarded, progress);
                    swapped = tables.swap(rebuilt, positions(consumer, partitions));
                }
            }
            liveQuarantine.reload();
            try {
                tables.dropSchema(RebuildTables.RETIRED);
                tables.dropSchema(RebuildTables.SCHEMA);
            } catch (RuntimeException cleanup) {
                // swapped all the same; the next rebuild drops what is left
                LOG.warn("rebuild swapped in, but dropping the old tables failed: {}", cleanup.toString());
            }
            LOG.info("rebuild swapped in: {} records in {} s", progress.records, (System.nanoTime() - started) / 1_000_000_000);
            return progress.status("swapped", null);
        } catch (RuntimeException | InterruptedException e) {
            String error = e instanceof InterruptedException || e instanceof InterruptException
                    ? "stopped with the service" : ProjectionFailures.describe(e);
            LOG.error("rebuild failed: {}; the live read model is unchanged", error, e);
            try {
                tables.dropSchema(RebuildTables.SCHEMA);
            } catch (RuntimeException cleanup) {
                LOG.warn("could not drop schema {}: {}", RebuildTables.SCHEMA, cleanup.toString());
            }
            return progress.status("failed", error);
        }
    }

    /** Counts of a rebuild in progress, published as {@link Status}. */
    private final class Progress {
        final Instant startedAt;
        final long startNanos;
        long records;
        long atStart;
        long attempts;
        long caughtUp;
        long pollNanos;
        long applyNanos;
        long batches;

        Progress(Instant startedAt, long startNanos) {
            this.startedAt = startedAt;
            this.startNanos = startNanos;
        }

        void publish() {
            status.set(status("running", null));
        }

        Status status(String state, String error) {
            double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
            return new Status(state, startedAt, state.equals("running") ? null : Instant.now(), records, atStart,
                    caughtUp == 0 ? null : (caughtUp - startNanos) / 1e9, batches, pollNanos / 1e9, applyNanos / 1e9,
                    attempts, records / seconds, error);
        }
    }

    /** Reads and applies until every partition's position reaches {@code end}. */
    private void catchUp(Consumer<String, byte[]> consumer, ListProjection projection, Map<TopicPartition, Long> end,
                         Set<String> discarded, Progress progress) throws InterruptedException {
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            long polling = System.nanoTime();
            ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
            long applying = System.nanoTime();
            progress.pollNanos += applying - polling;
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
            for (ConsumerRecord<String, byte[]> record : polled) {
                if (!discarded.contains(record.partition() + ":" + record.offset())) {
                    records.add(record);
                }
            }
            applyUntilDone(projection, records);
            progress.applyNanos += System.nanoTime() - applying;
            progress.batches++;
            progress.records += polled.count();
            progress.publish();
        }
    }

    /** Applies a batch; while the database is away, waits and applies it again (nothing of it was kept). */
    private void applyUntilDone(ListProjection projection, List<ConsumerRecord<String, byte[]>> records)
            throws InterruptedException {
        long pause = 200;
        while (true) {
            try {
                projection.onRecordsOfOwnPartitions(records);
                return;
            } catch (RuntimeException e) {
                if (!ProjectionFailures.isTransient(e) || stopping) {
                    throw e;
                }
                LOG.warn("rebuild: a batch failed ({}); applying it again in {} ms", ProjectionFailures.describe(e), pause);
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 30_000);
            }
        }
    }

    /** Where the rebuild's consumer is in each partition: its next offset, by partition number. */
    private static Map<Integer, Long> positions(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<Integer, Long> positions = new HashMap<>();
        partitions.forEach(p -> positions.put(p.partition(), consumer.position(p)));
        return positions;
    }
}

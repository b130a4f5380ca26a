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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
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
     * until the tables held all of those, of which {@code readingSeconds} waiting for the topic
     * and {@code applyingSeconds} projecting {@code batches} (both summed over the
     * {@code workers} that apply partitions side by side); then {@code indexSeconds} building
     * indexes and keys, and {@code swapSeconds} catching up again and swapping.
     */
    public record Status(String state, Instant startedAt, Instant finishedAt, long records, long recordsAtStart,
                         Double catchUpSeconds, long batches, double readingSeconds, double applyingSeconds,
                         long swapAttempts, double recordsPerSecond, String error, int workers, Double indexSeconds,
                         Double swapSeconds) {
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
    private final int workers;
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
        this.workers = settings.workers();
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
        Status started = new Status("running", Instant.now(), null, 0, 0, null, 0, 0, 0, 0, 0, null, workers, null, null);
        status.set(started);
        worker = Thread.ofPlatform().name("read-model-rebuild").daemon().start(() -> {
            Status end = null;
            try {
                end = run(started.startedAt());
            } finally {
                // let go first: whoever reads the outcome may start the next rebuild at once
                unlock(lock);
                status.set(end != null ? end : new Status("failed", started.startedAt(), Instant.now(), 0, 0, null, 0, 0, 0,
                        0, 0, "the rebuild stopped on an unexpected error; see the log", workers, null, null));
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
        List<Reader> readers = new ArrayList<>();
        try {
            List<String> rebuilt = tables.prepare();
            // asynchronously committed batches are lost only if PostgreSQL restarts: the swap checks it did not
            Instant serverStart = tables.serverStart();
            Quarantine quarantine = Quarantine.empty(jdbc);
            // the rebuild's own meters are not published: the live ones describe what readers see
            ListProjection projection = live.forRebuild(tables.inRebuildSchema(), quarantine,
                    new ProjectionMetrics(new SimpleMeterRegistry(), quarantine));
            Set<String> discarded = liveQuarantine.discarded();
            readers.addAll(openReaders(discarded));
            progress.atStart = readers.stream().mapToLong(Reader::endOffsets).sum();
            catchUp(readers, projection, progress);
            progress.caughtUp = System.nanoTime();
            LOG.info("rebuild caught up with {} records in {} ms ({} batches on {} workers; {} ms reading the topic, {} ms "
                            + "applying, summed over the workers); building indexes", progress.records.sum(),
                    (progress.caughtUp - started) / 1_000_000, progress.batches.sum(), readers.size(),
                    progress.pollNanos.sum() / 1_000_000, progress.applyNanos.sum() / 1_000_000);
            tables.buildIndexesAndKeys(rebuilt, workers);
            progress.indexed = System.nanoTime();
            boolean swapped = false;
            while (!swapped) {
                if (progress.attempts >= swapAttempts) {
                    throw new IllegalStateException("the live read model kept ahead of the rebuild in " + swapAttempts
                            + " attempts to swap; nothing was swapped");
                }
                progress.attempts++;
                readers.forEach(Reader::endOffsets);
                catchUp(readers, projection, progress);
                Map<Integer, Long> positions = new HashMap<>();
                readers.forEach(r -> r.positions(positions));
                swapped = tables.swap(rebuilt, positions, serverStart);
            }
            progress.swapped = System.nanoTime();
            liveQuarantine.reload();
            try {
                tables.dropSchema(RebuildTables.RETIRED);
                tables.dropSchema(RebuildTables.SCHEMA);
            } catch (RuntimeException cleanup) {
                // swapped all the same; the next rebuild drops what is left
                LOG.warn("rebuild swapped in, but dropping the old tables failed: {}", cleanup.toString());
            }
            LOG.info("rebuild swapped in: {} records in {} ms (catch-up {} ms, indexes and keys {} ms, swap {} ms)",
                    progress.records.sum(), (System.nanoTime() - started) / 1_000_000,
                    (progress.caughtUp - started) / 1_000_000, (progress.indexed - progress.caughtUp) / 1_000_000,
                    (progress.swapped - progress.indexed) / 1_000_000);
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
        } finally {
            readers.forEach(Reader::close);
            live.rebuildEnded();
        }
    }

    /**
     * One consumer per worker, each assigned every {@code workers}-th partition from the
     * beginning. A list is keyed to one partition, so its events stay in order on one worker,
     * while the workers' batches keep PostgreSQL and the JVM busy at the same time.
     */
    private List<Reader> openReaders(Set<String> discarded) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // large enough that COPY pays, small enough that a batch's records and rows do not crowd the heap
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(32 * 1024 * 1024));
        overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        List<Reader> readers = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                Consumer<String, byte[]> consumer = consumers.createConsumer("curation-rebuild", "rebuild", "-" + w, overrides);
                Reader reader = new Reader(consumer, discarded);
                readers.add(reader);
                List<TopicPartition> all = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                List<TopicPartition> share = new ArrayList<>();
                for (TopicPartition partition : all) {
                    if (partition.partition() % workers == w) {
                        share.add(partition);
                    }
                }
                reader.assign(share);
            }
        } catch (RuntimeException e) {
            readers.forEach(Reader::close);
            throw e;
        }
        // a worker without partitions (more workers than partitions) has nothing to do
        readers.stream().filter(r -> !r.hasPartitions()).forEach(Reader::close);
        return readers.stream().filter(Reader::hasPartitions).toList();
    }

    /** Every reader reads and applies to its end offsets, side by side; the first failure stops the others. */
    private void catchUp(List<Reader> readers, ListProjection projection, Progress progress) throws InterruptedException {
        if (readers.size() == 1) {
            readers.getFirst().catchUp(projection, progress);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(readers.size(),
                Thread.ofPlatform().name("read-model-rebuild-", 0).daemon().factory());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Reader reader : readers) {
                running.add(pool.submit(() -> {
                    reader.catchUp(projection, progress);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case RuntimeException failure -> throw failure;
                        case InterruptedException interrupted -> throw interrupted;
                        case Error error -> throw error;
                        default -> throw new IllegalStateException(e.getCause());
                    }
                }
            }
        } finally {
            // a failure or a stop: the other workers stop at their next batch
            pool.shutdownNow();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("rebuild: a worker did not stop within 30 s");
            }
        }
    }

    /** Counts of a rebuild in progress, published as {@link Status}; the workers add to them side by side. */
    private final class Progress {
        final Instant startedAt;
        final long startNanos;
        final LongAdder records = new LongAdder();
        final LongAdder pollNanos = new LongAdder();
        final LongAdder applyNanos = new LongAdder();
        final LongAdder batches = new LongAdder();
        long atStart;
        long attempts;
        long caughtUp;
        long indexed;
        long swapped;

        Progress(Instant startedAt, long startNanos) {
            this.startedAt = startedAt;
            this.startNanos = startNanos;
        }

        void publish() {
            status.set(status("running", null));
        }

        Status status(String state, String error) {
            double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
            return new Status(state, startedAt, state.equals("running") ? null : Instant.now(), records.sum(), atStart,
                    caughtUp == 0 ? null : (caughtUp - startNanos) / 1e9, batches.sum(), pollNanos.sum() / 1e9,
                    applyNanos.sum() / 1e9, attempts, records.sum() / seconds, error, workers,
                    indexed == 0 ? null : (indexed - caughtUp) / 1e9, swapped == 0 ? null : (swapped - indexed) / 1e9);
        }
    }

    /** A consumer of some of the topic's partitions, and how far it has to read. */
    private final class Reader implements AutoCloseable {
        private final Consumer<String, byte[]> consumer;
        private final Set<String> discarded;
        private List<TopicPartition> partitions = List.of();
        private Map<TopicPartition, Long> end = Map.of();

        Reader(Consumer<String, byte[]> consumer, Set<String> discarded) {
            this.consumer = consumer;
            this.discarded = discarded;
        }

        void assign(List<TopicPartition> share) {
            partitions = share;
            consumer.assign(share);
            consumer.seekToBeginning(share);
        }

        boolean hasPartitions() {
            return !partitions.isEmpty();
        }

        /** Reads the partitions' end offsets now: where the next {@link #catchUp} stops; returns their sum. */
        long endOffsets() {
            end = consumer.endOffsets(partitions);
            return end.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Reads and applies until every partition's position reaches the end offsets last read. */
        void catchUp(ListProjection projection, Progress progress) throws InterruptedException {
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (stopping || Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                long polling = System.nanoTime();
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
                long applying = System.nanoTime();
                progress.pollNanos.add(applying - polling);
                List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
                for (ConsumerRecord<String, byte[]> record : polled) {
                    if (discarded.isEmpty() || !discarded.contains(record.partition() + ":" + record.offset())) {
                        records.add(record);
                    }
                }
                applyUntilDone(projection, records);
                progress.applyNanos.add(System.nanoTime() - applying);
                progress.batches.increment();
                progress.records.add(polled.count());
                progress.publish();
            }
        }

        void positions(Map<Integer, Long> into) {
            partitions.forEach(p -> into.put(p.partition(), consumer.position(p)));
        }

        @Override
        public void close() {
            consumer.close();
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
}

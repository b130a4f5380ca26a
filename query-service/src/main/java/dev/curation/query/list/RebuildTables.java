package dev.curation.query.list;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tables of a {@link ReadModelRebuild}, in SQL only: fresh, empty copies of the live read
 * models in the schema {@value #SCHEMA} without their secondary indexes, the indexes and foreign
 * keys built once they hold the whole topic, and the swap that moves them into {@code public}
 * (and the live ones out to {@value #RETIRED}). Reading the topic and deciding when to swap is
 * the rebuild's.
 */
final class RebuildTables {

    static final String SCHEMA = "curation_rebuild";
    static final String RETIRED = "curation_retired";
    /** Tables in public that are not read models: never rebuilt, never moved. */
    // not read models of the list topic: link health comes from its own topic and is kept across a rebuild
    private static final Set<String> KEPT = Set.of("flyway_schema_history", "read_model_generation", "discarded_record",
            "link_state", "link_check", "link_sync", "link_proposal", "entry_link_health");
    private static final Logger LOG = LoggerFactory.getLogger(RebuildTables.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RebuildTables(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Transactions whose statements name the rebuild's tables (PostgreSQL re-plans prepared
     * statements for it), committed without waiting for the WAL flush. That is safe here: they
     * write only tables no reader sees before the swap; a commit that was answered but not yet
     * flushed is lost only if PostgreSQL itself stops (a lost connection loses nothing committed),
     * and then its start time changes, which {@link #swap} checks; the swap commits
     * synchronously, and its flush, WAL being written in order, makes every earlier commit of the
     * rebuild durable with it.
     */
    TransactionOperations inRebuildSchema() {
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) throws TransactionException {
                return transactions.execute(tx -> {
                    jdbc.sql("SELECT set_config('search_path', ?, true), set_config('synchronous_commit', 'off', true)")
                            .param(SCHEMA + ", public").query().singleRow();
                    return action.doInTransaction(tx);
                });
            }
        };
    }

    /** When PostgreSQL started: a rebuild that began before a restart may have lost asynchronous commits. */
    Instant serverStart() {
        return jdbc.sql("SELECT pg_postmaster_start_time()").query(Timestamp.class).single().toInstant();
    }

    /** Fresh, empty tables like the live read models, without their secondary indexes; returns their names. */
    List<String> prepare() {
        return transactions.execute(tx -> {
            jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
            jdbc.sql("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE").update();
            jdbc.sql("CREATE SCHEMA " + SCHEMA).update();
            List<String> tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
                    .query(String.class).list().stream().filter(t -> !KEPT.contains(t)).toList();
            for (String table : tables) {
                jdbc.sql("CREATE TABLE " + SCHEMA + "." + quote(table) + " (LIKE public." + quote(table) + " INCLUDING ALL)")
                        .update();
            }
            // built after the catch-up: maintaining them row by row is what makes a bulk load slow
            for (String index : secondaryIndexes(SCHEMA).keySet()) {
                jdbc.sql("DROP INDEX " + SCHEMA + "." + quote(index)).update();
            }
            return tables;
        });
    }

    /** Indexes that back no constraint (constraints' indexes are needed while loading), by name: their definitions. */
    private Map<String, String> secondaryIndexes(String schema) {
        record Index(String name, String definition) {
        }
        Map<String, String> indexes = new HashMap<>();
        jdbc.sql("""
                        SELECT c.relname, pg_get_indexdef(c.oid)
                        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                        JOIN pg_class t ON t.oid = i.indrelid
                        WHERE n.nspname = ? AND t.relname <> ALL(?)
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)""")
                .param(schema).param(KEPT.toArray(String[]::new))
                .query((rs, n) -> new Index(rs.getString(1), rs.getString(2))).list()
                .forEach(index -> indexes.put(index.name(), index.definition()));
        return indexes;
    }

    /**
     * The live tables' secondary indexes (same names) and foreign keys on the rebuilt tables, then
     * statistics, by {@code workers} connections side by side, largest tables first: the trigram
     * indexes of {@code entry_view} take most of the time, and CREATE INDEX on one table from two
     * connections runs at once (both take a SHARE lock). Each statement commits alone, so no
     * transaction holds a lock while it waits for another (no deadlock between the workers); the
     * tables are seen by no one before the swap, so a failure leaves nothing half-built that
     * matters (the schema is dropped).
     */
    void buildIndexesAndKeys(List<String> tables, int workers) throws InterruptedException {
        record ForeignKey(String table, String name, String definition) {
        }
        // the definitions as seen from public name the referenced tables unqualified
        List<ForeignKey> keys = transactions.execute(tx -> {
            jdbc.sql("SET LOCAL search_path TO public").update();
            return jdbc.sql("""
                            SELECT t.relname, k.conname, pg_get_constraintdef(k.oid)
                            FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                            WHERE k.contype = 'f' AND n.nspname = 'public'""")
                    .query((rs, n) -> new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        });
        Map<String, Long> sizes = new HashMap<>();
        jdbc.sql("SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = ? AND c.relkind = 'r'").param(SCHEMA)
                .query((rs, n) -> sizes.put(rs.getString(1), rs.getLong(2))).list();
        record Statement(String table, String sql) {
        }
        List<Statement> indexes = new ArrayList<>();
        secondaryIndexes("public").values().forEach(definition -> indexes.add(new Statement(tableOf(definition),
                definition.replace(" ON public.", " ON " + SCHEMA + "."))));
        indexes.sort(Comparator.comparingLong((Statement st) -> sizes.getOrDefault(st.table(), 0L)).reversed());
        List<String> statements = new ArrayList<>(indexes.stream().map(Statement::sql).toList());
        for (ForeignKey key : keys) {
            if (tables.contains(key.table())) {
                statements.add("ALTER TABLE " + SCHEMA + "." + quote(key.table()) + " ADD CONSTRAINT " + quote(key.name()) + " "
                        + key.definition());
            }
        }
        runSideBySide(statements, workers);
        runSideBySide(tables.stream().map(t -> "ANALYZE " + SCHEMA + "." + quote(t)).toList(), workers);
    }

    /** The table an index definition from pg_get_indexdef is on ({@code ... ON public.name USING ...}). */
    private static String tableOf(String definition) {
        String rest = definition.substring(definition.indexOf(" ON public.") + " ON public.".length());
        String name = rest.substring(0, rest.indexOf(' '));
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    /** Runs the statements in order on {@code workers} connections, each in a transaction of its own. */
    private void runSideBySide(List<String> statements, int workers) throws InterruptedException {
        Queue<String> queue = new ConcurrentLinkedQueue<>(statements);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, statements.size())),
                Thread.ofPlatform().name("read-model-rebuild-index-", 0).daemon().factory());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < Math.max(1, Math.min(workers, statements.size())); w++) {
                running.add(pool.submit(() -> {
                    for (String statement = queue.poll(); statement != null; statement = queue.poll()) {
                        String sql = statement;
                        transactions.executeWithoutResult(tx -> {
                            // sorts and GIN builds in memory rather than in passes over temporary files
                            jdbc.sql("SET LOCAL maintenance_work_mem = '128MB'").update();
                            jdbc.sql("SET LOCAL search_path TO " + SCHEMA + ", public").update();
                            jdbc.sql(sql).update();
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    queue.clear();
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            queue.clear();
            pool.shutdownNow();
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("rebuild: an index build did not stop within 60 s");
            }
        }
    }

    /**
     * Swaps the rebuilt tables in, if they hold at least what the live ones hold: every list at
     * least as far, and every record the live side holds for a quarantined list read
     * ({@code positions}: the rebuild's next offset by partition). False when the live side is
     * ahead or the tables stayed locked; the caller reads on and tries again. Fails when
     * PostgreSQL restarted since {@code serverStart} (see {@link #inRebuildSchema}).
     */
    boolean swap(List<String> tables, Map<Integer, Long> positions, Instant serverStart) {
        try {
            Boolean swapped = transactions.execute(tx -> {
                if (!serverStart().equals(serverStart)) {
                    throw new IllegalStateException("PostgreSQL restarted during the rebuild: batches it committed "
                            + "asynchronously may be lost; nothing was swapped, start the rebuild again");
                }
                // long enough for readers in flight; a swap that cannot get its locks is tried again
                jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
                jdbc.sql("UPDATE read_model_generation SET generation = generation + 1").update();
                List<String> behindLists = jdbc.sql("""
                                SELECT l.id || ' at ' || coalesce(r.last_sequence, -2) || ' < ' || l.last_sequence
                                FROM public.list_view l LEFT JOIN %s.list_view r ON r.id = l.id
                                WHERE r.id IS NULL OR r.last_sequence < l.last_sequence ORDER BY l.id LIMIT 5""".formatted(SCHEMA))
                        .query(String.class).list();
                long behind = behindLists.size();
                long unread = jdbc.sql("SELECT topic_partition, max(record_offset) FROM public.held_record GROUP BY topic_partition")
                        .query((rs, n) -> rs.getLong(2) >= positions.getOrDefault(rs.getInt(1), 0L) ? 1L : 0L)
                        .list().stream().mapToLong(Long::longValue).sum();
                if (behind > 0 || unread > 0) {
                    LOG.info("rebuild: the live read model is ahead (lists {}, {} partitions of held records); reading on",
                            behindLists, unread);
                    tx.setRollbackOnly();
                    return false;
                }
                jdbc.sql("CREATE SCHEMA " + RETIRED).update();
                for (String table : tables) {
                    jdbc.sql("ALTER TABLE public." + quote(table) + " SET SCHEMA " + RETIRED).update();
                }
                for (String table : tables) {
                    jdbc.sql("ALTER TABLE " + SCHEMA + "." + quote(table) + " SET SCHEMA public").update();
                }
                return true;
            });
            return Boolean.TRUE.equals(swapped);
        } catch (DataAccessException e) {
            if (!ProjectionFailures.isTransient(e) && !lockNotAvailable(e)) {
                throw e;
            }
            LOG.info("rebuild: swap not possible now ({}); trying again", ProjectionFailures.describe(e));
            return false;
        }
    }

    private static boolean lockNotAvailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    void dropSchema(String schema) {
        jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
    }

    /** Table and index names come from the catalog; quoted all the same. */
    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

package dev.curation.query.list;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live projection's transactions, each of which first reads the read model's generation
 * ({@code read_model_generation}, bumped by every rebuild's swap) under a share lock. A swap takes
 * that row's update lock first, so it waits for the batches in flight, and a batch that starts
 * during a swap waits for it. A batch that finds a generation it has not seen tells the projection
 * (which drops what it kept in memory of the old tables) and fails as a transient failure, so the
 * batch is applied again, against the new tables, from what they hold. The first transaction after
 * a start only reads the memory again (a swap may have happened since the service read it).
 */
final class ReadModelGeneration implements TransactionOperations {

    private static final Logger LOG = LoggerFactory.getLogger(ReadModelGeneration.class);

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Runnable swapped;
    private final AtomicLong seen = new AtomicLong(-1);

    ReadModelGeneration(TransactionTemplate transactions, JdbcClient jdbc, Runnable swapped) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.swapped = swapped;
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        return transactions.execute(status -> {
            long now = jdbc.sql("SELECT generation FROM read_model_generation FOR SHARE").query(Long.class).single();
            long before = seen.getAndSet(now);
            if (before != now) {
                swapped.run();
                if (before != -1) {
                    LOG.info("the read model was rebuilt (generation {} -> {}); lists are read again from the new tables",
                            before, now);
                    throw new Swapped(before, now);
                }
            }
            return action.doInTransaction(status);
        });
    }

    /** The tables were swapped under a batch: applied again, like any transient failure. */
    static final class Swapped extends TransientDataAccessResourceException {

        private static final long serialVersionUID = 1L;

        Swapped(long before, long now) {
            super("the read model was rebuilt (generation " + before + " -> " + now + "); applying the batch again");
        }
    }
}

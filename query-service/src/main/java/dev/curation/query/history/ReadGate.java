package dev.curation.query.history;

import dev.curation.query.config.QueryProperties;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bounds how many expensive reads (diffs, previews, blame, the lint report or Markdown of a past
 * version not yet cached, searches for terms too short for the trigram index) run at once, so that
 * clients asking for many different versions cannot take every core: a read that finds no permit
 * within a short wait is refused with {@link Busy} (answered 503 with Retry-After).
 */
@Component
public class ReadGate {

    private final Semaphore permits;
    private final Duration wait;

    @Autowired
    ReadGate(QueryProperties settings) {
        this(settings.maxExpensiveReads(), settings.expensiveReadWait());
    }

    ReadGate(int permits, Duration wait) {
        this.permits = new Semaphore(permits);
        this.wait = wait;
    }

    public <T> T run(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** Every permit stayed taken for the whole wait. */
    public static final class Busy extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** Seconds a client should wait before asking again. */
        public static final int RETRY_AFTER = 2;

        public Busy(String message) {
            super(message);
        }

        Busy() {
            super("too many expensive reads (diffs, previews, blame, past versions, short searches) are being computed; "
                    + "try again in " + RETRY_AFTER + " s");
        }
    }
}

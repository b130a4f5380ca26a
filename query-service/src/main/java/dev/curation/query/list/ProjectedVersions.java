package dev.curation.query.list;

import dev.curation.query.config.QueryProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * The version readers can see of each list, as the projection commits it, and a bounded wait for
 * a version: the query side's half of read-your-write. A write answers the version it made; a read
 * that names it ({@code minVersion}) waits here until the projection has committed it. This
 * replica's commits wake the waiters at once; a list another replica projects (they share the read
 * model and split the partitions) is read again from the read model every {@code recheck}.
 */
@Component
public class ProjectedVersions {

    /** Versions by slug, only ever raised; filled from the read model on first ask, then by commits. */
    private final Map<String, Long> bySlug = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final ListStore lists;
    private final Semaphore waiting;
    private final long recheckNanos;

    ProjectedVersions(ListStore lists, QueryProperties settings) {
        this.lists = lists;
        this.waiting = new Semaphore(settings.maxVersionWaits());
        this.recheckNanos = settings.versionRecheck().toNanos();
    }

    /** Called by the projection after its transaction committed: readers can now see {@code version}. */
    void committed(String slug, long version) {
        bySlug.merge(slug, version, Math::max);
        lock.lock();
        try {
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The version readers see of a list now, 0 if it is not published (yet). */
    public long current(String slug) {
        Long known = bySlug.get(slug);
        return known != null ? known : stored(slug);
    }

    private long stored(String slug) {
        long stored = lists.bySlug(slug).map(StoredDocument::version).orElse(0L);
        if (stored > 0) {
            bySlug.merge(slug, stored, Math::max);
        }
        return stored;
    }

    /**
     * Waits until readers can see version {@code min} of the list, at most {@code wait}.
     *
     * @return what readers see: the version reached, or less if the wait ran out
     * @throws TooManyWaits when too many reads are already waiting
     */
    public long await(String slug, long min, Duration wait) {
        long seen = current(slug);
        if (seen >= min || wait.isZero()) {
            return seen;
        }
        if (!waiting.tryAcquire()) {
            throw new TooManyWaits();
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (seen < min) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return seen;
                }
                lock.lock();
                try {
                    long slice = Math.min(left, recheckNanos);
                    while ((seen = bySlug.getOrDefault(slug, 0L)) < min && slice > 0) {
                        slice = advanced.awaitNanos(slice);
                    }
                } finally {
                    lock.unlock();
                }
                if (seen < min) {
                    seen = Math.max(seen, stored(slug));
                }
            }
            return seen;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return seen;
        } finally {
            waiting.release();
        }
    }

    /** Every waiting slot is taken: the read is answered 503 at once rather than queued. */
    public static final class TooManyWaits extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooManyWaits() {
            super("too many reads are waiting for versions not yet visible");
        }
    }
}

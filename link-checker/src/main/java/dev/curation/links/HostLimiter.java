package dev.curation.links;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Per-server politeness: at most {@code concurrency} requests to one address at a time, and at
 * least {@code interval} between the starts of two of them. Keyed by the resolved address, not
 * the name: many names on one server (a shared host, a CDN edge, one name per path) share its
 * limit. Callers block (on virtual threads that is cheap) until their turn.
 */
public final class HostLimiter {

    private final int concurrency;
    private final long intervalNanos;
    private final ConcurrentHashMap<InetAddress, Host> hosts = new ConcurrentHashMap<>();

    public HostLimiter(int concurrency, Duration interval) {
        this.concurrency = concurrency;
        this.intervalNanos = interval.toNanos();
    }

    /** Holds a turn for a request to {@code address}; close it when the response is in. */
    public Turn acquire(InetAddress address) throws InterruptedException {
        Host state = hosts.computeIfAbsent(address, a -> new Host(concurrency));
        state.permits.acquire();
        try {
            long wait = state.reserve(intervalNanos);
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            state.permits.release();
            throw e;
        }
        return state.permits::release;
    }

    /** A request's turn at a host. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Host {
        private final Semaphore permits;
        private long nextStart = Long.MIN_VALUE;

        Host(int concurrency) {
            this.permits = new Semaphore(concurrency, true);
        }

        /** Reserves the next start time; returns how long to wait for it. */
        synchronized long reserve(long intervalNanos) {
            long now = System.nanoTime();
            long start = nextStart == Long.MIN_VALUE ? now : Math.max(now, nextStart);
            nextStart = start + intervalNanos;
            return start - now;
        }
    }
}

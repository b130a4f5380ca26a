package dev.curation.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The highest version the command service accepted per list during load, so that a phase can
 * wait until the query service has projected all of it: a latency phase then measures the steady
 * state at its own rate, not the backlog the phase before it left (every partition, not only the
 * one a new list lands on).
 */
final class Backlog {

    private final Map<String, Long> accepted = new ConcurrentHashMap<>();

    /** Notes an accepted edit's version; returns it, so that an operation can pass it on. */
    long accepted(String slug, long version) {
        if (version > 0) {
            accepted.merge(slug, version, Math::max);
        }
        return version;
    }

    /** Waits until the query service shows every noted version; returns how long that took. */
    Duration awaitProjected(Api api, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        for (Map.Entry<String, Long> list : accepted.entrySet()) {
            api.awaitVersion(list.getKey(), list.getValue(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

package dev.curation.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Closed-loop HTTP load: {@code clients} virtual threads each repeating an operation for a duration. */
final class LoadDriver {

    @FunctionalInterface
    interface Operation {
        /** One request; returns true if the server accepted it. {@code client} and {@code n} make each call unique. */
        boolean run(int client, long n) throws Exception;
    }

    /** Why operations were refused, for the report: exception or status, with a count. */
    static final ConcurrentHashMap<String, LongAdder> REFUSALS = new ConcurrentHashMap<>();

    static void refused(String why) {
        REFUSALS.computeIfAbsent(why.length() > 160 ? why.substring(0, 160) : why, k -> new LongAdder()).increment();
    }

    record Result(long accepted, long refused, double seconds) {
        double rate() {
            return accepted / seconds;
        }
    }

    private LoadDriver() {
    }

    static Result run(int clients, Duration duration, Operation operation) throws InterruptedException {
        return run(clients, duration, 0, operation);
    }

    /** With {@code ratePerSecond} > 0 the clients together start at most that many operations per second. */
    static Result run(int clients, Duration duration, double ratePerSecond, Operation operation) throws InterruptedException {
        LongAdder accepted = new LongAdder();
        LongAdder refused = new LongAdder();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        double intervalNanos = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                while (true) {
                    long n = sequence.getAndIncrement();
                    if (intervalNanos > 0) {
                        long due = start + (long) (n * intervalNanos);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(Duration.ofNanos(wait));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                    if (System.nanoTime() >= end) {
                        return;
                    }
                    try {
                        (operation.run(client, n) ? accepted : refused).increment();
                    } catch (Exception e) {
                        refused(e.getClass().getSimpleName() + ": " + e.getMessage());
                        refused.increment();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(accepted.sum(), refused.sum(), (System.nanoTime() - start) / 1e9);
    }

    /** Percentile of sorted values (nearest rank). */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}

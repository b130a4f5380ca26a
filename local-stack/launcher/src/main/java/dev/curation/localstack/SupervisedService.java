package dev.curation.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A service the launcher keeps running. When it exits without being asked to (a crash, a
 * {@code kill -9}, the OOM killer), it is started again after a pause that doubles with each
 * restart in a row (1 s up to 30 s; a service that ran for a minute starts again from 1 s), and
 * stdout says so with a restart counter. Its pid is kept in {@code run/<name>.pid} of the data
 * directory, so that a launcher that was itself killed can find it on the next start.
 */
final class SupervisedService implements AutoCloseable {

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);

    private final String name;
    private final Supplier<ServiceProcess> starter;
    private final Duration readyTimeout;
    private final Path pidFile;
    private final PrintStream out;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile ServiceProcess current;
    private volatile boolean closing;
    private Duration pause = FIRST_PAUSE;
    private long startedAt;

    SupervisedService(String name, Supplier<ServiceProcess> starter, Duration readyTimeout, Path runDir, PrintStream out) {
        this.name = name;
        this.starter = starter;
        this.readyTimeout = readyTimeout;
        this.pidFile = runDir.resolve(name + ".pid");
        this.out = out;
    }

    /** Starts the service (not yet waiting for it). */
    SupervisedService start() {
        current = starter.get();
        startedAt = System.nanoTime();
        writePid(current.pid());
        return this;
    }

    /** Waits until it is ready, then watches it. */
    void awaitReadyAndWatch() {
        current.awaitReady(readyTimeout);
        watch(current);
    }

    private void watch(ServiceProcess process) {
        process.onExit().thenRun(() -> exited(process));
    }

    private void exited(ServiceProcess process) {
        if (closing || process != current) {
            return;
        }
        if (System.nanoTime() - startedAt > STABLE.toNanos()) {
            pause = FIRST_PAUSE;
        }
        int restart = restarts.incrementAndGet();
        say(name + " exited unexpectedly (exit " + process.exitValue() + "); restart #" + restart + " in "
                + pause.toSeconds() + " s (log: " + process.log() + ")");
        sleep(pause);
        pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        if (closing) {
            return;
        }
        try {
            start();
            current.awaitReady(readyTimeout);
            say(name + " is back (restart #" + restart + ", pid " + current.pid() + ")");
            watch(current);
        } catch (RuntimeException e) {
            say(name + " did not come back: " + e.getMessage().lines().findFirst().orElse(""));
            exited(current);
        }
    }

    int restarts() {
        return restarts.get();
    }

    long pid() {
        return current.pid();
    }

    private void say(String line) {
        out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
        out.flush();
    }

    private void writePid(long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile, e);
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    @Override
    public void close() {
        closing = true;
        ServiceProcess process = current;
        if (process != null) {
            process.close();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // a stale pid file is checked against the process before it is used
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

package dev.curation.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a launcher that was killed ({@code kill -9}, a power cut of the terminal) left running
 * for a data directory, found and stopped before a new start: its services (from
 * {@code run/*.pid}, which watch their parent and normally exit by themselves) and its
 * PostgreSQL (from {@code postgres/postmaster.pid}; PostgreSQL runs detached and outlives the
 * launcher). Kafka runs inside the launcher and died with it; its log recovery runs on start.
 * A launcher still alive for the same directory is not touched: starting is refused instead.
 */
final class Leftovers {

    private Leftovers() {
    }

    /** Claims the data directory for this launcher, after stopping what a dead one left. */
    static void clear(Path data, PrintStream out) {
        Path launcherPid = data.resolve("run").resolve("launcher.pid");
        Optional<ProcessHandle> launcher = alive(launcherPid)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> commandLine(p).contains("curation-local-stack"));
        if (launcher.isPresent()) {
            throw new IllegalStateException("another ./curation start (pid " + launcher.get().pid() + ") is running on "
                    + data + "; stop it first, or use another --data-dir");
        }
        for (String service : List.of("command-service", "query-service", "curator-web")) {
            alive(data.resolve("run").resolve(service + ".pid"))
                    .filter(p -> commandLine(p).contains(service))
                    .ifPresent(p -> {
                        out.println("Stopping " + service + " (pid " + p.pid() + ") left running by a launcher that died ...");
                        stop(p, Duration.ofSeconds(20));
                    });
        }
        alive(data.resolve("postgres").resolve("postmaster.pid"))
                .filter(p -> commandLine(p).contains("postgres"))
                .ifPresent(p -> {
                    out.println("Stopping PostgreSQL (pid " + p.pid() + ") left running for " + data + " ...");
                    // SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for clients)
                    signal("INT", p.pid());
                    if (!waitFor(p, Duration.ofSeconds(30))) {
                        stop(p, Duration.ofSeconds(5));
                    }
                });
        write(launcherPid, ProcessHandle.current().pid());
    }

    /** The process named by the first line of a pid file, if it is running. */
    static Optional<ProcessHandle> alive(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String commandLine(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return info.commandLine().or(info::command).orElse("");
    }

    private static void stop(ProcessHandle process, Duration patience) {
        process.destroy();
        if (!waitFor(process, patience)) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(5));
        }
    }

    private static boolean waitFor(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill command: the forcible stop that follows still works
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void write(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile, e);
        }
    }
}

package dev.curation.bench;

import dev.curation.embedded.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;
import java.util.stream.Stream;

/** The product as {@code ./curation start} runs it: the launcher jar as a child process, on free ports. */
final class Stack implements AutoCloseable {

    final int commandPort = freePort();
    final int queryPort = freePort();
    final int webPort = freePort();
    final int kafkaPort = freePort();
    final int pgPort = freePort();
    final Path dataDir;
    final Path root;
    private Process process;
    private double startupSeconds;
    private boolean recordedCaches;

    Stack(Path root, Path dataDir) {
        this.root = root;
        this.dataDir = dataDir;
    }

    /** Starts the stack and waits until it says it is running (services healthy, seeds imported). */
    Stack start() throws IOException, InterruptedException {
        List<String> command = javaCommand("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");
        command.addAll(List.of("-jar", jar("local-stack/launcher", "curation-local-stack").toString(), "start",
                "--data-dir", dataDir.toString(), "--command-port", "" + commandPort, "--query-port", "" + queryPort, "--web-port", "" + webPort,
                "--kafka-port", "" + kafkaPort, "--kafka-controller-port", "" + freePort(), "--pg-port", "" + pgPort,
                "--seeds", root.resolve("seeds").toString(), "--link-checks", "off"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CURATION_COMMAND_JAR", jar("command-service", "command-service").toString());
        builder.environment().put("CURATION_QUERY_JAR", jar("query-service", "query-service").toString());
        builder.environment().put("CURATION_IDENTITY_JAR", jar("identity", "identity").toString());
        builder.environment().put("CURATION_WEB_JAR", jar("curator-web", "curator-web").toString());
        builder.environment().put("CURATION_IDENTITY_PORT", Integer.toString(freePort()));
        long start = System.nanoTime();
        process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("Recording the services' start-up caches")) {
                recordedCaches = true;
            }
            if (line.contains("The curation backend is running")) {
                startupSeconds = (System.nanoTime() - start) / 1e9;
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe from filling up
                        }
                    } catch (IOException closed) {
                        // the stack stopped
                    }
                }, "stack-output");
                drain.setDaemon(true);
                drain.start();
                return this;
            }
        }
        throw new IllegalStateException("the stack did not start:\n" + seen);
    }

    double startupSeconds() {
        return startupSeconds;
    }

    /** Whether this start first recorded the services' AOT caches (the first start after a build). */
    boolean recordedCaches() {
        return recordedCaches;
    }

    String commandUrl() {
        return "http://127.0.0.1:" + commandPort;
    }

    String queryUrl() {
        return "http://127.0.0.1:" + queryPort;
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String jdbc(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    /** Resident memory of the launcher and everything it started (services, PostgreSQL), in MiB. */
    double rssMiB() {
        ProcessHandle launcher = process.toHandle();
        return Stream.concat(Stream.of(launcher), launcher.descendants()).mapToLong(Stack::rssKiB).sum() / 1024.0;
    }

    /**
     * The stack's memory with shared pages counted once: the sum of each process's proportional
     * set size. Summed RSS counts PostgreSQL's shared buffers once per backend that touched them.
     */
    double pssMiB() {
        ProcessHandle launcher = process.toHandle();
        return Stream.concat(Stream.of(launcher), launcher.descendants()).mapToLong(p -> pssKiB(p.pid())).sum() / 1024.0;
    }

    /**
     * CPU seconds used so far by the stack's processes, summed by role: the query service, the
     * command service, PostgreSQL (server and backends), and the launcher (which runs Kafka's broker
     * in-process). Differences between two calls show where a phase spent its CPU.
     */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new TreeMap<>();
        roles().forEach((p, role) -> p.info().totalCpuDuration().ifPresent(d -> seconds.merge(role, d.toNanos() / 1e9, Double::sum)));
        return seconds;
    }

    /**
     * Seconds the stack's threads have spent runnable but waiting for a core, summed by role as
     * {@link #cpuSeconds} sums CPU ({@code /proc/<pid>/task/<tid>/schedstat}; threads that ended
     * no longer count). Differences between two calls show how long a phase queued for the cores.
     */
    Map<String, Double> runQueueSeconds() {
        Map<String, Double> seconds = new TreeMap<>();
        roles().forEach((p, role) -> seconds.merge(role, runQueueNanos(p.pid()) / 1e9, Double::sum));
        return seconds;
    }

    /** The stack's processes (launcher, services, PostgreSQL server and backends) with their roles. */
    private Map<ProcessHandle, String> roles() {
        ProcessHandle launcher = process.toHandle();
        // the embedded PostgreSQL daemonizes: its server is found by its data directory, its backends are its children
        Stream<ProcessHandle> postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString())
                        && p.info().command().orElse("").endsWith("postgres"))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()));
        Map<ProcessHandle, String> roles = new LinkedHashMap<>();
        Stream.concat(Stream.concat(Stream.of(launcher), launcher.descendants()), postgres).distinct().forEach(p -> {
            String command = p.info().commandLine().orElse("");
            roles.put(p, command.contains("query-service") ? "query service"
                    : command.contains("command-service") ? "command service"
                    : p.info().command().orElse("").endsWith("postgres") ? "PostgreSQL" : "launcher and Kafka");
        });
        return roles;
    }

    /** Nanoseconds the threads of a process have waited on a run queue (the second field of each thread's schedstat). */
    static long runQueueNanos(long pid) {
        long total = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String[] fields = Files.readString(task.resolve("schedstat")).strip().split(" ");
                    total += Long.parseLong(fields[1]);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended, or no /proc
        }
        return total;
    }

    /** A process's proportional set size in KiB, from {@code /proc/<pid>/smaps_rollup}; 0 if unknown. */
    static long pssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended or /proc is not there
        }
        return 0;
    }

    private static long rssKiB(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended or /proc is not there
        }
        return 0;
    }

    Path jar(String module, String artifact) {
        try (Stream<Path> files = Files.list(root.resolve(module).resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(artifact + "-")
                            && f.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + artifact + " jar: run ./curation build"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + module + "/target: run ./curation build", e);
        }
    }

    /** This JVM's java with the given options, plus the flags JDK 24+ wants for Kafka's and lz4's Unsafe use. */
    static List<String> javaCommand(String... options) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(options));
        if (Runtime.version().feature() >= 24) {
            command.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
        }
        return command;
    }

    /** A free loopback port, never one given before in this run (two parts of the stack on one port fail it). */
    static int freePort() {
        return Ports.free();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        // the databases and the broker's log are gigabytes after a full run, and runs add up in /tmp;
        // the logs and what a profile wrote stay
        for (String bulky : new String[] {"postgres", "kafka"}) {
            try {
                FileSystemUtils.deleteRecursively(dataDir.resolve(bulky));
            } catch (IOException e) {
                System.err.println("could not delete " + dataDir.resolve(bulky) + ": " + e.getMessage());
            }
        }
    }
}

package dev.curation.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One service running as a child JVM from its executable jar, its output going to a log file. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ServiceProcess start(String name, AotCache jar, int port, String javaOptions, Path logDir, List<String> settings) {
        requireJar(name, jar.jar());
        List<String> command = command(jar.launch(), port, javaOptions, settings);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ServiceProcess(name, process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * Records the service's {@link AotCache} if it is missing: a training run that starts the
     * service against the same database and broker and exits once its context is up. Returns
     * false, leaving the service to start without the cache, if that fails.
     */
    static boolean train(String name, AotCache cache, int port, String javaOptions, Path logDir, List<String> settings) {
        requireJar(name, cache.jar());
        if (!AotCache.supported() || cache.ready()) {
            return true;
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + "-aot-training.log");
            Process process = new ProcessBuilder(command(cache.prepareTraining(), port, javaOptions, settings))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0 && cache.completeTraining();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void requireJar(String name, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " jar not found at " + jar + "; build it with ./mvnw -DskipTests package");
        }
    }

    private static List<String> command(List<String> launch, int port, String javaOptions, List<String> settings) {
        List<String> command = new ArrayList<>();
        command.add(AotCache.java());
        command.addAll(Arrays.stream(javaOptions.split("\\s+")).filter(s -> !s.isBlank()).toList());
        if (Runtime.version().feature() >= 24) {
            // the Kafka client and lz4 still use sun.misc.Unsafe and native access
            command.add("--sun-misc-unsafe-memory-access=allow");
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        // a service out of memory exits (and is restarted) instead of running on half-dead
        command.add("-XX:+ExitOnOutOfMemoryError");
        // the service exits when the launcher does, even after a kill -9 of the launcher
        command.add("-Dcuration.parent-pid=" + ProcessHandle.current().pid());
        command.addAll(launch);
        command.add("--spring.profiles.active=local");
        command.add("--server.port=" + port);
        command.addAll(settings);
        return command;
    }

    /** Waits until the service reports ready; fails with the end of its log if it dies or takes too long. */
    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up (exit " + process.exitValue()
                        + "); last lines of " + log + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; last lines of "
                + log + ":\n" + tail());
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Asks the service to stop (SIGTERM, graceful), and kills it if it has not stopped after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

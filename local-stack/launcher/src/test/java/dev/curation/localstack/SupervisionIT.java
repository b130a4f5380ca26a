package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.embedded.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack heals itself: a killed service is restarted by the launcher; a killed launcher
 * takes its services with it, and the next start on the same data stops the PostgreSQL it left
 * and comes up with everything that was stored. The launcher runs as its own process here, as
 * {@code ./curation start} runs it.
 */
class SupervisionIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private final int commandPort = Ports.free();
    private final int queryPort = Ports.free();
    private final int identityPort = Ports.free();
    private final int kafkaPort = Ports.free();
    private final int controllerPort = Ports.free();
    private final int pgPort = Ports.free();
    private final int webPort = Ports.free();

    @Test
    void crashedProcessesComeBackWithoutAHuman() throws Exception {
        Launcher first = Launcher.start(this);
        try {
            // a token from the issuer before anything crashes
            String before = StackFixture.token("http://127.0.0.1:" + identityPort, "alice");
            // kill -9 of each service: restarted, counted, healthy again
            for (String service : List.of("identity", "command-service", "query-service", "curator-web")) {
                long pid = pid(service).orElseThrow();
                ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                first.awaitLine(service + " is back (restart #1");
                assertThat(pid(service)).isPresent().get().isNotEqualTo(pid);
            }
            assertThat(first.output()).anySatisfy(l -> assertThat(l).contains("command-service exited unexpectedly")
                    .contains("restart #1 in 1 s"));
            awaitOk(commandPort, "/actuator/health/readiness");
            awaitOk(queryPort, "/actuator/health/readiness");

            // an edit after the restarts is stored and served; the token from before still signs it in, since
            // the restarted issuer signs with the key it kept, which the restarted command service fetched
            HttpResponse<String> edit = HTTP.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + commandPort + "/api/lists/distributed-systems-notes/edits"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + before)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"edits\":[{\"op\":\"addSection\",\"parent\":null,"
                            + "\"title\":\"After a crash\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(queryPort, "/api/lists/distributed-systems-notes")
                    .contains("After a crash"));

            // kill -9 of the launcher alone: its services follow it; PostgreSQL (detached) stays
            long command = pid("command-service").orElseThrow();
            long query = pid("query-service").orElseThrow();
            long identity = pid("identity").orElseThrow();
            long web = pid("curator-web").orElseThrow();
            first.process.destroyForcibly().waitFor();
            await().atMost(Duration.ofSeconds(60)).until(() -> ProcessHandle.of(command).map(p -> !p.isAlive()).orElse(true)
                    && ProcessHandle.of(query).map(p -> !p.isAlive()).orElse(true)
                    && ProcessHandle.of(identity).map(p -> !p.isAlive()).orElse(true)
                    && ProcessHandle.of(web).map(p -> !p.isAlive()).orElse(true));
            assertThat(Leftovers.alive(data.resolve("postgres").resolve("postmaster.pid"))).isPresent();
        } finally {
            first.process.destroyForcibly();
        }

        // the next start on the same data clears what was left and serves what was stored
        Launcher second = Launcher.start(this);
        try {
            assertThat(second.output()).anySatisfy(l -> assertThat(l).startsWith("Stopping PostgreSQL (pid"));
            assertThat(get(queryPort, "/api/lists/distributed-systems-notes")).contains("After a crash");
            assertThat(second.output()).anySatisfy(l -> assertThat(l).contains("seed distributed-systems-notes: already imported"));
        } finally {
            second.stop();
        }
        assertThat(Leftovers.alive(data.resolve("postgres").resolve("postmaster.pid"))).isEmpty();
    }

    private Optional<Long> pid(String service) {
        return Leftovers.alive(data.resolve("run").resolve(service + ".pid")).map(ProcessHandle::pid);
    }

    private static String get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void awaitOk(int port, String path) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** {@code ./curation start} as a child process, its output collected line by line. */
    private record Launcher(Process process, List<String> lines) {

        static Launcher start(SupervisionIT test) throws IOException {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx512m"));
            if (Runtime.version().feature() >= 24) {
                command.add("--sun-misc-unsafe-memory-access=allow");
                command.add("--enable-native-access=ALL-UNNAMED");
            }
            command.addAll(List.of("-jar", System.getProperty("curation.launcher-jar"), "start",
                    "--data-dir", test.data.toString(), "--command-port", "" + test.commandPort,
                    "--query-port", "" + test.queryPort, "--kafka-port", "" + test.kafkaPort,
                    "--kafka-controller-port", "" + test.controllerPort, "--pg-port", "" + test.pgPort,
                    "--seeds", StackFixture.SEEDS.toString(), "--link-checks", "off", "--web-port", "" + test.webPort));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("CURATION_COMMAND_JAR", System.getProperty("curation.command-jar"));
            builder.environment().put("CURATION_QUERY_JAR", System.getProperty("curation.query-jar"));
            builder.environment().put("CURATION_IDENTITY_JAR", System.getProperty("curation.identity-jar"));
            builder.environment().put("CURATION_WEB_JAR", System.getProperty("curation.web-jar"));
            builder.environment().put("CURATION_IDENTITY_PORT", Integer.toString(test.identityPort));
            Launcher launcher = new Launcher(builder.start(), new CopyOnWriteArrayList<>());
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        System.out.println("launcher> " + line);
                        launcher.lines.add(line);
                    }
                } catch (IOException e) {
                    // the launcher is gone
                }
            }, "launcher-output");
            reader.setDaemon(true);
            reader.start();
            launcher.awaitLine("The curation backend is running");
            return launcher;
        }

        void awaitLine(String text) {
            await().atMost(Duration.ofMinutes(4)).until(() -> lines.stream().anyMatch(l -> l.contains(text))
                    || !process.isAlive());
            assertThat(lines).as("launcher output").anySatisfy(l -> assertThat(l).contains(text));
        }

        List<String> output() {
            return List.copyOf(lines);
        }

        /** SIGTERM, as Ctrl-C: everything stops. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

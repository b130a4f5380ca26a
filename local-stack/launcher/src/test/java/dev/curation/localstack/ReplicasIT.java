package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.embedded.KafkaBroker;
import dev.curation.embedded.Ports;
import dev.curation.embedded.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two command-services and two query-services on one PostgreSQL and one broker. Writes alternate
 * between the command replicas (keyed, retried on the other replica when one fails); one of each
 * is killed with -9 half-way. Every acknowledged edit is one version, exactly once, and the read
 * model the surviving query replica serves equals a rebuild from the topic by a fresh one.
 */
class ReplicasIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String JAVA = StackFixture.JAVA_OPTIONS;
    private static final Duration READY = Duration.ofMinutes(4);

    @TempDir
    Path data;

    @Test
    void twoOfEachShareTheWorkAndLosingOneOfEachLosesNothing() throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            PostgresServer postgres = PostgresServer.start(Ports.free(), data.resolve("postgres"));
            started.add(postgres);
            for (String db : List.of("curation_events", "curation_query", "curation_rebuild")) {
                postgres.createDatabase(db);
            }
            KafkaBroker kafka = KafkaBroker.start(Ports.free(), Ports.free(), data.resolve("kafka"));
            started.add(kafka);
            AotCache commandJar = new AotCache(Path.of(System.getProperty("curation.command-jar")));
            AotCache queryJar = new AotCache(Path.of(System.getProperty("curation.query-jar")));
            List<String> commandSettings = List.of("--spring.datasource.url=" + postgres.jdbcUrl("curation_events"),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers());
            // tests never reach the internet: the lists' links are not checked
            List<String> querySettings = List.of("--spring.datasource.url=" + postgres.jdbcUrl("curation_query"),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--curation.links.enabled=false");
            int[] ports = {Ports.free(), Ports.free(), Ports.free(), Ports.free()};
            ServiceProcess command1 = start(started, "command-1", commandJar, ports[0], commandSettings);
            ServiceProcess command2 = start(started, "command-2", commandJar, ports[1], commandSettings);
            ServiceProcess query1 = start(started, "query-1", queryJar, ports[2], querySettings);
            ServiceProcess query2 = start(started, "query-2", queryJar, ports[3], querySettings);
            CompletableFuture.allOf(List.of(command1, command2, query1, query2).stream()
                    .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(READY))).toArray(CompletableFuture[]::new)).join();

            String commandA = "http://127.0.0.1:" + ports[0];
            String commandB = "http://127.0.0.1:" + ports[1];
            HttpResponse<String> imported = post(commandA, "/api/lists?slug=replicas", "text/markdown", "import",
                    "# Replicas\n- [Start](https://example.com/start)\n");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

            long acknowledged = 1;
            boolean commandAlive = true;
            for (int i = 1; i <= 30; i++) {
                if (i == 11) {
                    ProcessHandle.of(command1.pid()).ifPresent(ProcessHandle::destroyForcibly);
                    commandAlive = false;
                }
                if (i == 21) {
                    ProcessHandle.of(query1.pid()).ifPresent(ProcessHandle::destroyForcibly);
                }
                String first = commandAlive && i % 2 == 0 ? commandA : commandB;
                long version = edit(first, commandB, i);
                assertThat(version).as("edit " + i + " is exactly one new version").isEqualTo(acknowledged + 1);
                acknowledged = version;
            }

            String queryB = "http://127.0.0.1:" + ports[3];
            long expected = acknowledged;
            await().atMost(Duration.ofMinutes(2)).until(() -> version(queryB) == expected);

            // a fresh query service rebuilds everything from the topic: the same list, the same history
            int rebuildPort = Ports.free();
            ServiceProcess rebuild = start(started, "query-rebuild", queryJar, rebuildPort, List.of(
                    "--spring.datasource.url=" + postgres.jdbcUrl("curation_rebuild"),
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--spring.kafka.consumer.group-id=rebuild"));
            rebuild.awaitReady(READY);
            String rebuilt = "http://127.0.0.1:" + rebuildPort;
            await().atMost(Duration.ofMinutes(2)).until(() -> version(rebuilt) == expected);
            assertThat(get(rebuilt, "/api/lists/replicas/markdown")).isEqualTo(get(queryB, "/api/lists/replicas/markdown"));
            String history = "/api/lists/replicas/history?size=200";
            assertThat(versions(get(rebuilt, history))).isEqualTo(versions(get(queryB, history)))
                    .hasSize((int) expected);
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    // stopping anyway
                }
            }
        }
    }

    private ServiceProcess start(List<AutoCloseable> started, String name, AotCache jar, int port, List<String> settings) {
        ServiceProcess process = ServiceProcess.start(name, jar, port, JAVA, data.resolve("logs"), settings);
        started.add(process);
        return process;
    }

    /**
     * One edit with its own Idempotency-Key, sent to {@code first} and, while that fails (a killed
     * replica, a lost race, a broker hand-over), to {@code fallback}; returns the version it made.
     */
    private static long edit(String first, String fallback, int i) throws Exception {
        String body = "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"Link " + i
                + "\",\"url\":\"https://example.com/" + i + "\"}]}";
        String target = first;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                HttpResponse<String> response = post(target, "/api/lists/replicas/edits", "application/json", "edit-" + i, body);
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body()).get("version").asLong();
                }
                assertThat(response.statusCode()).as(response.body()).isIn(409, 503);
            } catch (IOException e) {
                // the replica is gone: the same key on the other
            }
            target = fallback;
            Thread.sleep(500);
        }
        throw new AssertionError("edit " + i + " was never acknowledged");
    }

    private static long version(String query) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(query + "/api/lists/replicas"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()).get("version").asLong() : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    private static List<Long> versions(String history) {
        List<Long> versions = new ArrayList<>();
        for (JsonNode item : JSON.readTree(history).get("items")) {
            versions.add(item.get("version").asLong());
        }
        return versions;
    }

    private static String get(String base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(String base, String path, String type, String key, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", type)
                .header("Authorization", StackFixture.basic("alice"))
                .header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

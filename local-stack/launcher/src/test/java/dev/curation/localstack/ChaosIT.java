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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults under write load on the real stack, the launcher running as {@code ./curation start}
 * runs it: writers send keyed edits to several lists and retry each with its key until it is
 * acknowledged, and two more send edits once without a key (group commit), while faults strike
 * at random moments: kill -9 of either service or of the OIDC issuer (the keyed writers sign in with
 * its token), the broker paused (the launcher, which runs it,
 * stopped with SIGSTOP), PostgreSQL frozen (SIGSTOP of its processes). Afterwards, with no human:
 * the stack is healthy; every acknowledged edit is in its list exactly once, an unkeyed edit whose
 * answer was lost at most once, and every version is one edit; every list's history is gap-free
 * and has exactly the versions the event store has. {@code curation.chaos.seconds} sets the
 * length (short in ./mvnw verify; {@code ./curation chaos --minutes 20} for the long run, whose
 * report goes to docs/chaos.md).
 */
class ChaosIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern EDIT_LINK = java.util.regex.Pattern.compile("\\(https://example\\.com/([wu]\\d+-\\d+)\\)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int LISTS = 4;
    private static final int WRITERS = 4;
    private static final int UNKEYED_WRITERS = 2;
    /** kill -9 of the command service, of the query service, of the issuer; the broker paused; PostgreSQL frozen. */
    private static final int FAULT_KINDS = 5;

    @TempDir
    Path data;

    private final int commandPort = Ports.free();
    private final int queryPort = Ports.free();
    private final int identityPort = Ports.free();
    /** The keyed writers sign in with a token of the stack's issuer, got once; unkeyed ones with Basic. */
    private volatile String token;
    private volatile Instant tokenAt = Instant.now();
    private final int pgPort = Ports.free();
    private final int kafkaPort = Ports.free();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void nothingAcknowledgedIsLostOrDoubledAndNoHumanIsNeeded() throws Exception {
        long seconds = Long.parseLong(property("curation.chaos.seconds", "90"));
        long seed = Long.parseLong(property("curation.chaos.seed", Long.toString(System.nanoTime())));
        Random random = new Random(seed);
        // printed first: a run that fails names it too, to be replayed with -Dcuration.chaos.seed
        System.out.println("chaos: seed " + seed + " for " + seconds + " s (replay with -Dcuration.chaos.seed=" + seed + ")");
        Process launcher = startLauncher();
        try {
            token = StackFixture.token("http://127.0.0.1:" + identityPort, "alice");
            tokenAt = Instant.now();
            for (int l = 0; l < LISTS; l++) {
                HttpResponse<String> imported = post("/api/lists?slug=chaos-" + l, "text/markdown", "import-" + l,
                        "# Chaos " + l + "\n- [Start](https://example.com/start)\n");
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            }
            Map<String, Integer> acknowledged = new ConcurrentHashMap<>(); // key -> list
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger retries = new AtomicInteger();
            List<Thread> writers = new ArrayList<>();
            // as fast as the stack takes them in the short run; a long run paces its writers (40 edits/s
            // in all by default), else its lists grow past 100k entries, which no curated list comes near
            long perSecond = Long.parseLong(property("curation.chaos.edits-per-second", seconds >= 600 ? "40" : "0"));
            Duration pace = perSecond > 0 ? Duration.ofNanos(1_000_000_000L * WRITERS / perSecond) : Duration.ZERO;
            // writers without a key: their edits go through group commit (ADR 13); each is sent once,
            // and one whose answer was lost may or may not be applied, but never twice
            Map<String, Integer> acknowledgedUnkeyed = new ConcurrentHashMap<>(); // edit -> list
            writers.addAll(startWriters(UNKEYED_WRITERS, "u", pace, running, this::editOnce,
                    acknowledgedUnkeyed));
            writers.addAll(startWriters(WRITERS, "w", pace, running, (list, key) -> editUntilAcknowledged(list, key, retries),
                    acknowledged));
            Instant end = Instant.now().plusSeconds(seconds);
            List<String> faults = new ArrayList<>();
            List<Integer> kinds = new ArrayList<>();
            // until the end, and at least until every kind of fault has struck once
            while (Instant.now().isBefore(end) || faults.size() < FAULT_KINDS) {
                // a short run (./mvnw verify) strikes more often: every kind of fault must strike, not wait
                sleep(seconds >= 600 ? Duration.ofSeconds(10 + random.nextInt(20)) : Duration.ofSeconds(5 + random.nextInt(10)));
                if (Instant.now().isAfter(end) && faults.size() >= FAULT_KINDS) {
                    break;
                }
                if (kinds.isEmpty()) {
                    // every kind of fault once per round, in a random order
                    kinds.addAll(List.of(0, 1, 2, 3, 4));
                    java.util.Collections.shuffle(kinds, random);
                }
                String at = java.time.LocalTime.now().withNano(0).toString();
                faults.add(at + " " + inject(kinds.removeFirst(), random, seconds, launcher));
                System.out.println("chaos: " + faults.getLast());
            }
            running.set(false);
            for (Thread writer : writers) {
                writer.join(Duration.ofMinutes(5));
            }

            // no human: healthy again, everything acknowledged served once, histories match the event store
            await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> get("/actuator/health").contains("\"UP\""));
            assertThat(acknowledgedUnkeyed).as("edits stored by group commit").isNotEmpty();
            Map<Integer, Long> expected = new ConcurrentHashMap<>();
            acknowledged.values().forEach(l -> expected.merge(l, 1L, Long::sum));
            for (int l = 0; l < LISTS; l++) {
                int list = l;
                // every version is one edit: the keyed ones, all acknowledged, and the unkeyed ones that were applied
                long versions = eventStoreVersion(list);
                // says what was served instead (and what is quarantined) when the versions never arrive
                await().atMost(Duration.ofMinutes(3)).ignoreExceptions().untilAsserted(() ->
                        assertThat(JSON.readTree(get("/api/lists/chaos-" + list)).get("version").asLong())
                                .as("chaos-" + list + " served version; quarantine: " + get("/api/operations/quarantine")
                                        + "; health: " + get("/actuator/health"))
                                .isEqualTo(versions));
                // one pass over the text: a long run's lists hold 100k links and more
                Map<String, Integer> links = new java.util.HashMap<>();
                java.util.regex.Matcher link = EDIT_LINK.matcher(get("/api/lists/chaos-" + list + "/markdown"));
                while (link.find()) {
                    links.merge(link.group(1), 1, Integer::sum);
                }
                assertThat(links).as("edits doubled in chaos-" + list).allSatisfy((key, count) -> assertThat(count).isOne());
                for (Map.Entry<String, Integer> edit : acknowledged.entrySet()) {
                    if (edit.getValue() == list) {
                        assertThat(links.getOrDefault(edit.getKey(), 0)).as("edit " + edit.getKey() + " in chaos-" + list).isOne();
                    }
                }
                long unkeyedApplied = links.keySet().stream().filter(k -> k.startsWith("u")).count();
                for (Map.Entry<String, Integer> edit : acknowledgedUnkeyed.entrySet()) {
                    if (edit.getValue() == list) {
                        assertThat(links.getOrDefault(edit.getKey(), 0)).as("unkeyed edit " + edit.getKey() + " in chaos-" + list)
                                .isOne();
                    }
                }
                assertThat(versions).as("versions of chaos-" + list + ": the import, " + expected.getOrDefault(list, 0L)
                        + " keyed edits and " + unkeyedApplied + " unkeyed ones applied")
                        .isEqualTo(1 + expected.getOrDefault(list, 0L) + unkeyedApplied);
                assertThat(historyVersions(list)).as("history of chaos-" + list)
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, versions).boxed().toList());
                assertThat(eventStoreVersion(list)).as("event store of chaos-" + list).isEqualTo(versions);
                assertThat(eventStoreHoles(list)).as("sequence numbers missing in the stream of chaos-" + list).isZero();
            }
            // the idempotent producer kept its sequence through every pause (the broker logs errors at ERROR here)
            assertThat(log).as("broker log").noneMatch(l -> l.contains("OutOfOrderSequence"));

            // the read model equals a fresh rebuild from the topic by a new query service
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                    "postgres", "")) {
                c.createStatement().execute("CREATE DATABASE curation_rebuild");
            }
            int rebuildPort = Ports.free();
            try (ServiceProcess rebuild = ServiceProcess.start("query-rebuild",
                    new AotCache(Path.of(System.getProperty("curation.query-jar"))), rebuildPort,
                    StackFixture.JAVA_OPTIONS, data.resolve("logs"), List.of(
                            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/curation_rebuild",
                            "--spring.kafka.bootstrap-servers=127.0.0.1:" + kafkaPort,
                            "--spring.kafka.consumer.group-id=chaos-rebuild",
                            // like the stack's: no link checks (no internet in tests, and no link health in the structure)
                            "--curation.links.enabled=false"))) {
                rebuild.awaitReady(Duration.ofMinutes(4));
                String rebuilt = "http://127.0.0.1:" + rebuildPort;
                // a long run leaves hundreds of thousands of events to replay: a minute more per 50k edits
                Duration rebuilding = Duration.ofMinutes(3 + acknowledged.size() / 50_000);
                for (int l = 0; l < LISTS; l++) {
                    String list = "/api/lists/chaos-" + l;
                    await().atMost(rebuilding).ignoreExceptions().until(
                            () -> get(rebuilt, list).equals(get(list)));
                    assertThat(get(rebuilt, list + "/markdown")).as("rebuilt chaos-" + l).isEqualTo(get(list + "/markdown"));
                    // the items only: the page's links name the service's own address
                    assertThat(JSON.readTree(get(rebuilt, list + "/history?size=200")).get("items"))
                            .as("rebuilt history of chaos-" + l)
                            .isEqualTo(JSON.readTree(get(list + "/history?size=200")).get("items"));
                }
            }
            String report = "seed " + seed + ", " + seconds + " s, " + (perSecond > 0 ? "writers paced to " + perSecond
                    + " edits/s, " : "writers unpaced, ") + acknowledged.size() + " keyed edits acknowledged on "
                    + LISTS + " lists by " + WRITERS + " writers, " + retries.get() + " retries; " + acknowledgedUnkeyed.size()
                    + " unkeyed edits acknowledged (group commit) by " + UNKEYED_WRITERS + " writers; faults: " + faults
                    + "; lost 0, doubled 0, stuck 0 (all versions served, histories gap-free and equal to the event store, streams hole-free, read model equal to a fresh rebuild)";
            System.out.println("chaos: " + report);
            String reportFile = System.getProperty("curation.chaos.report");
            if (reportFile != null && !reportFile.isBlank()) {
                Files.writeString(Path.of(reportFile), report + "\n");
            }
        } catch (Throwable failure) {
            // a failed run can be inspected live: -Dcuration.chaos.hold-on-failure=minutes
            long hold = Long.parseLong(property("curation.chaos.hold-on-failure", "0"));
            if (hold > 0) {
                System.out.println("chaos: failed; the stack stays up for " + hold + " min: query " + queryPort
                        + ", command " + commandPort + ", PostgreSQL " + pgPort + ", data " + data);
                sleep(Duration.ofMinutes(hold));
            }
            throw failure;
        } finally {
            launcher.destroy();
            if (!launcher.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        }
    }

    /** One fault; returns what it was. */
    private String inject(int kind, Random random, long runSeconds, Process launcher) throws Exception {
        return switch (kind) {
            case 0 -> killService("command-service");
            case 1 -> killService("query-service");
            // the issuer: tokens given before stay good (its key is kept), and a command service that
            // restarts while it is down answers 503, which the writers retry
            case 4 -> killService("identity");
            case 2 -> {
                // 90 s outlasts the producer's delivery timeout and Axon's unit-of-work timeout
                int pause = runSeconds >= 600 && random.nextBoolean() ? 90 : 30;
                signal("STOP", launcher.pid());
                sleep(Duration.ofSeconds(pause));
                signal("CONT", launcher.pid());
                yield "broker paused " + pause + " s";
            }
            case 3 -> {
                // the postmaster and every backend it forked: connections hang, as on a frozen host
                ProcessHandle postmaster = Leftovers.alive(data.resolve("postgres").resolve("postmaster.pid")).orElseThrow();
                List<Long> postgres = java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
                        postmaster.descendants()).map(ProcessHandle::pid).toList();
                postgres.forEach(pid -> signal("STOP", pid));
                sleep(Duration.ofSeconds(20));
                postgres.forEach(pid -> signal("CONT", pid));
                yield "PostgreSQL frozen 20 s";
            }
            default -> throw new IllegalArgumentException("no fault " + kind);
        };
    }

    private String killService(String name) throws IOException {
        String pid = Files.readString(data.resolve("run").resolve(name + ".pid")).strip();
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        return "kill -9 " + name;
    }

    /** Sends an edit named by its writer and number to a list; true if it was acknowledged. */
    private interface EditSender {
        boolean send(int list, String edit);
    }

    /**
     * Writers that send edits named {@code prefix + writer + "-" + n} round the lists, paced, until
     * {@code running} turns false; an acknowledged edit is put in {@code acknowledged} with its list.
     */
    private static List<Thread> startWriters(int count, String prefix, Duration pace, AtomicBoolean running,
                                             EditSender sender, Map<String, Integer> acknowledged) {
        List<Thread> started = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            int writer = w;
            started.add(Thread.ofVirtual().start(() -> {
                int n = 0;
                Instant next = Instant.now();
                while (running.get()) {
                    int list = (writer + n) % LISTS;
                    String edit = prefix + writer + "-" + n++;
                    if (sender.send(list, edit)) {
                        acknowledged.put(edit, list);
                    }
                    next = next.plus(pace);
                    Duration wait = Duration.between(Instant.now(), next);
                    if (!wait.isNegative()) {
                        sleep(wait);
                    }
                }
            }));
        }
        return started;
    }

    /** Sends one edit without a key, once: true if it was acknowledged. */
    private boolean editOnce(int list, String edit) {
        String body = "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"" + edit
                + "\",\"url\":\"https://example.com/" + edit + "\"}]}";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + commandPort + "/api/lists/chaos-" + list + "/edits"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", StackFixture.basic("alice"))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                assertThat(response.statusCode()).as(edit + ": " + response.body()).isIn(409, 429, 503);
                sleep(Duration.ofMillis(300));
            }
            return response.statusCode() == 200;
        } catch (IOException e) {
            sleep(Duration.ofMillis(300)); // a service or the launcher is down; this edit's outcome stays unknown
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends one edit with its key until acknowledged; false if the run ended before. */
    private boolean editUntilAcknowledged(int list, String key, AtomicInteger retries) {
        String body = "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"" + key
                + "\",\"url\":\"https://example.com/" + key + "\"}]}";
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(giveUp)) {
            try {
                HttpResponse<String> response = post("/api/lists/chaos-" + list + "/edits", "application/json", key, body);
                if (response.statusCode() == 200) {
                    return true;
                }
                if (response.statusCode() == 401 && token != null) {
                    // only an expired token may be refused (a run longer than its hour): then a new one, the same key again
                    assertThat(Duration.between(tokenAt, Instant.now())).as(key + ": a good token refused: " + response.body())
                            .isGreaterThan(Duration.ofMinutes(55));
                    renewToken();
                    continue;
                }
                assertThat(response.statusCode()).as(key + ": " + response.body()).isIn(409, 429, 503);
            } catch (IOException e) {
                // a service or the launcher is down: the same key again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            retries.incrementAndGet();
            sleep(Duration.ofMillis(300));
        }
        throw new AssertionError("edit " + key + " was not acknowledged within 5 minutes");
    }

    private List<Long> historyVersions(int list) throws Exception {
        List<Long> versions = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode history = JSON.readTree(get("/api/lists/chaos-" + list + "/history?size=200&page=" + page));
            history.get("items").forEach(i -> versions.add(i.get("version").asLong()));
            if (history.get("next") == null || history.get("next").isNull()) {
                break;
            }
        }
        return versions.reversed();
    }

    private long eventStoreVersion(int list) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/curation_events",
                "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT count(DISTINCT convert_from(meta_data, 'UTF8')::jsonb ->> 'listVersion')
                     FROM domain_event_entry e JOIN list_slug s ON s.list_id = e.aggregate_identifier
                     WHERE s.slug = 'chaos-%d'""".formatted(list))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sequence numbers missing below the list's highest one: events decided on others that rolled back. */
    private long eventStoreHoles(int list) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/curation_events",
                "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT max(e.sequence_number) + 1 - count(*)
                     FROM domain_event_entry e JOIN list_slug s ON s.list_id = e.aggregate_identifier
                     WHERE s.slug = 'chaos-%d'""".formatted(list))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Process startLauncher() throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-jar", System.getProperty("curation.launcher-jar"), "start", "--data-dir", data.toString(),
                "--command-port", "" + commandPort, "--query-port", "" + queryPort, "--kafka-port", "" + kafkaPort,
                "--kafka-controller-port", "" + Ports.free(), "--pg-port", "" + pgPort,
                "--seeds", StackFixture.SEEDS.toString(), "--link-checks", "off", "--web", "off"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CURATION_COMMAND_JAR", System.getProperty("curation.command-jar"));
        builder.environment().put("CURATION_QUERY_JAR", System.getProperty("curation.query-jar"));
        builder.environment().put("CURATION_IDENTITY_JAR", System.getProperty("curation.identity-jar"));
        builder.environment().put("CURATION_WEB_JAR", System.getProperty("curation.web-jar"));
        builder.environment().put("CURATION_IDENTITY_PORT", Integer.toString(identityPort));
        Process process = builder.start();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("launcher> " + line);
                    log.add(line);
                }
            } catch (IOException e) {
                // gone
            }
        });
        await().atMost(Duration.ofMinutes(4)).until(() -> log.stream().anyMatch(l -> l.contains("The curation backend is running"))
                || !process.isAlive());
        assertThat(process.isAlive()).as("launcher started").isTrue();
        return process;
    }

    private synchronized void renewToken() {
        try {
            token = StackFixture.token("http://127.0.0.1:" + identityPort, "alice");
            tokenAt = Instant.now();
        } catch (RuntimeException e) {
            sleep(Duration.ofMillis(300)); // the issuer is down: the writer tries again
        }
    }

    private HttpResponse<String> post(String path, String type, String key, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + commandPort + path))
                .header("Content-Type", type)
                .header("Authorization", token == null ? StackFixture.basic("alice") : "Bearer " + token)
                .header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws IOException, InterruptedException {
        return get("http://127.0.0.1:" + queryPort, path);
    }

    private static String get(String base, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

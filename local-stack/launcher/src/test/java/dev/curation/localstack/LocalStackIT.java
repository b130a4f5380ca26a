package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product end to end, as {@code ./curation start} runs it: embedded PostgreSQL and Kafka, both
 * services as child processes of their jars, seeds imported; then import, export, the Kafka log
 * read by a plain consumer (and kcat and psql when installed), and a restart on the same data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStackIT.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;
    static StackOptions options;
    static LocalStack stack;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Path SEEDS = StackFixture.SEEDS;
    static final Path REAL_WORLD = Path.of(System.getProperty("curation.real-world-dir",
            "../../curation-core/src/test/resources/real-world"));

    /** Both services export their spans here, as to a collector of a real deployment (the other tests ignore it). */
    static SpanCollector collector;

    @BeforeAll
    static void start() throws IOException {
        collector = SpanCollector.start();
        // spans exported in batches every 200 ms (the default 5 s would only make a test wait); a quiet
        // change stream's heartbeat after 1 s, which tells the test the stream is live
        options = StackFixture.withJavaOptions(StackFixture.options(data),
                "-Dmanagement.opentelemetry.tracing.export.otlp.endpoint=" + collector.endpoint()
                        + " -Dmanagement.opentelemetry.tracing.export.schedule-delay=200ms -Dcuration.streams.heartbeat=1s");
        stack = StackFixture.start(options);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    @Order(1)
    void seedsAreImportedAndExportedByteForByte() throws Exception {
        assertThat(stack.seeds()).extracting(SeedImporter.Result::outcome).containsOnly(SeedImporter.Outcome.IMPORTED);
        for (Path seed : seeds()) {
            HttpResponse<byte[]> markdown = get("/api/lists/" + slugOf(seed) + "/markdown");
            assertThat(markdown.statusCode()).isEqualTo(200);
            assertThat(markdown.headers().firstValue("Content-Type")).hasValue("text/markdown;charset=UTF-8");
            assertThat(markdown.body()).as(seed.toString()).isEqualTo(Files.readAllBytes(seed));
        }
    }

    @Test
    @Order(2)
    void anImportedListComesBackFromTheQueryServiceUnchanged() throws Exception {
        byte[] file = ("# 工具\r\n\r\n* [Nacos](https://nacos.io) - 服务发现\r\n[bare](https://example.com)  \r\n"
                + "```\r\n# not a heading\r\n```\r\n## Empty\r\n##\r\nno final newline").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        HttpResponse<String> created = importList("e2e", file);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(stack.queryUrl() + "/api/lists/e2e");

        HttpResponse<byte[]> markdown = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> get("/api/lists/e2e/markdown"), r -> r.statusCode() == 200);
        LOG.info("import to visible on the query service: {} ms", (System.nanoTime() - start) / 1_000_000);
        assertThat(markdown.body()).isEqualTo(file);
        assertThat(new String(get("/api/lists/e2e").body(), StandardCharsets.UTF_8))
                .contains("\"slug\":\"e2e\"", "\"title\":\"工具\"", "\"url\":\"https://nacos.io\"");
    }

    @Test
    @Order(3)
    void realWorldListsLargeAndSmallEnglishAndChineseComeBackUnchanged() throws Exception {
        try (var files = Files.list(REAL_WORLD)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md") && !f.endsWith("NOTICE.md")).sorted().toList()) {
                String slug = "rw-" + slugOf(file);
                byte[] bytes = Files.readAllBytes(file);
                HttpResponse<String> created = importList(slug, bytes);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                HttpResponse<byte[]> markdown = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                        .until(() -> get("/api/lists/" + slug + "/markdown"), r -> r.statusCode() == 200);
                assertThat(markdown.body()).as(file.toString()).isEqualTo(bytes);
            }
        }
    }

    @Test
    @Order(4)
    void theKafkaLogHoldsTheImportEvents() throws Exception {
        List<String> values = new ArrayList<>();
        Properties props = new Properties();
        props.put("bootstrap.servers", stack.kafkaBootstrap());
        props.put("group.id", "e2e-reader");
        props.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("curation.list-events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && values.stream().filter(v -> v.contains("\"type\":\"ListImported\"")).count() < 3) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        assertThat(values).filteredOn(v -> v.contains("\"type\":\"ListImported\""))
                .anySatisfy(v -> assertThat(v).contains("\"slug\":\"distributed-systems-notes\"", "\"actor\":\"alice\""))
                .anySatisfy(v -> assertThat(v).contains("\"slug\":\"e2e\""));

        if (onPath("kcat")) {
            String out = run("kcat", "-C", "-b", stack.kafkaBootstrap(), "-t", "curation.list-events", "-e", "-q", "-f", "%s\\n");
            assertThat(out).contains("\"type\":\"ListImported\"", "\"slug\":\"architecture-design-notes\"");
            // every record a CloudEvent (Kafka binding, binary mode): its attributes in ce_ headers, ids unique
            String kcatJson = run("kcat", "-C", "-b", stack.kafkaBootstrap(), "-t", "curation.list-events", "-e", "-q", "-J");
            List<JsonNode> records = kcatJson.lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList();
            assertThat(records).hasSizeGreaterThan(5);
            List<String> ids = new ArrayList<>();
            for (JsonNode record : records) {
                Map<String, String> headers = new HashMap<>();
                JsonNode list = record.get("headers");
                for (int i = 0; i + 1 < list.size(); i += 2) {
                    headers.put(list.get(i).asString(), list.get(i + 1).asString());
                }
                JsonNode envelope = JSON.readTree(record.get("payload").asString());
                assertThat(headers).containsEntry("ce_specversion", "1.0")
                        .containsEntry("ce_id", envelope.get("eventId").asString())
                        .containsEntry("ce_source", "/lists/" + record.get("key").asString())
                        .containsEntry("ce_type", "dev.curation.list." + envelope.get("type").asString() + ".v"
                                + envelope.get("revision").asString())
                        .containsEntry("ce_subject", "versions/" + envelope.get("version").asLong())
                        .containsEntry("ce_listsequence", Long.toString(envelope.get("sequence").asLong()))
                        .containsEntry("content-type", "application/json")
                        .containsKey("ce_time");
                ids.add(headers.get("ce_id"));
            }
            assertThat(ids).doesNotHaveDuplicates();
            readWithTheJavaScriptSdk(kcatJson, records.size());
        } else {
            LOG.warn("kcat not installed: the Kafka log was checked with the Java consumer only");
        }
    }

    @Test
    @Order(5)
    void restartKeepsListsAndVersionsAndImportsNothingTwice() throws Exception {
        long events = eventCount();
        String lists = new String(get("/api/lists").body(), StandardCharsets.UTF_8);
        stack.close();
        stack = null;

        stack = StackFixture.start(options);

        assertThat(stack.seeds()).extracting(SeedImporter.Result::outcome)
                .containsOnly(SeedImporter.Outcome.ALREADY_PRESENT);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(new String(get("/api/lists").body(), StandardCharsets.UTF_8)).isEqualTo(lists);
        for (Path seed : seeds()) {
            assertThat(get("/api/lists/" + slugOf(seed) + "/markdown").body()).isEqualTo(Files.readAllBytes(seed));
        }
        // after the restart the projection rebuilds the list's state from its snapshot and events
        String structure = new String(get("/api/lists/distributed-systems-notes").body(), StandardCharsets.UTF_8);
        String section = structure.substring(structure.indexOf("\"id\":\"s", structure.indexOf("\"sections\"")) + 6);
        section = section.substring(0, section.indexOf('"'));
        HttpResponse<String> edit = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists/distributed-systems-notes/edits"))
                .header("Content-Type", "application/json")
                .header("Authorization", StackFixture.basic("bob"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"edits\":[{\"op\":\"addLink\",\"section\":\"" + section
                        + "\",\"title\":\"After restart\",\"url\":\"https://example.com/after-restart\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        byte[] seed = Files.readAllBytes(SEEDS.resolve("distributed-systems-notes.md"));
        String after = await().atMost(Duration.ofSeconds(10)).until(
                () -> new String(get("/api/lists/distributed-systems-notes/markdown").body(), StandardCharsets.UTF_8),
                text -> text.contains("After restart"));
        List<String> added = new ArrayList<>(after.lines().toList());
        new String(seed, StandardCharsets.UTF_8).lines().forEach(added::remove);
        assertThat(added).containsExactly("[After restart](https://example.com/after-restart)");
        if (onPath("psql")) {
            String out = run("psql", "-h", "127.0.0.1", "-p", Integer.toString(options.pgPort()), "-U", "postgres",
                    "-d", LocalStack.QUERY_DB, "-tAc", "select slug || ' ' || version from list_view order by slug");
            assertThat(out.lines()).contains("architecture-design-notes 1", "distributed-systems-notes 2", "e2e 1",
                    "rw-jobbole-awesome-python-cn 1");
        }
    }

    /**
     * One edit sent with a caller's {@code traceparent} is one trace, exported by both services to a
     * collector: the command service's request (child of the caller's span), its command, a publish
     * per event, the query service's projection of each record (child of its publish), the webhook
     * delivery (child of the command), and the live change stream's send (child of a projection).
     */
    @Test
    @Order(6)
    void anEditIsOneTraceFromTheCallerToTheStreamAndTheWebhook() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        HttpClient streaming = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<String> hook = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists/e2e/webhooks"))
                    .header("Content-Type", "application/json").header("Authorization", StackFixture.basic("alice"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort()
                            + "/hook\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
            HttpResponse<InputStream> stream = streaming.send(HttpRequest.newBuilder(URI.create(stack.queryUrl()
                    + "/api/lists/e2e/stream?after=now")).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            // a heartbeat comes once the stream found nothing new (past the subscription's settings change): it is live
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.startsWith(":heartbeat"));

            HexFormat hex = HexFormat.of();
            SecureRandom random = new SecureRandom();
            byte[] traceId = new byte[16];
            byte[] callerId = new byte[8];
            random.nextBytes(traceId);
            random.nextBytes(callerId);
            String trace = hex.formatHex(traceId);
            String caller = hex.formatHex(callerId);
            collector.watch(trace);
            HttpResponse<String> edit = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists/e2e/edits"))
                    .header("Content-Type", "application/json").header("Authorization", StackFixture.basic("alice"))
                    .header("traceparent", "00-" + trace + "-" + caller + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"edits\":[{\"op\":\"addSection\",\"parent\":null,\"title\":\"Traced\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);

            String publish = "publish curation.list-events";
            String project = "project curation.list-events";
            List<SpanCollector.Collected> trail = await().atMost(Duration.ofSeconds(30)).until(() -> collector.spans(trace), spans ->
                    spans.stream().anyMatch(s -> s.name().equals("webhook POST"))
                            && spans.stream().anyMatch(s -> s.name().equals("stream send"))
                            && spans.stream().anyMatch(s -> s.name().equals(publish))
                            && spans.stream().filter(s -> s.name().equals(project)).count()
                                    == spans.stream().filter(s -> s.name().equals(publish)).count());
            SpanCollector.Collected request = only(trail, s -> s.kind() == Span.SpanKind.SPAN_KIND_SERVER);
            assertThat(request.service()).isEqualTo("command-service");
            assertThat(request.parentSpanId()).isEqualTo(caller);
            SpanCollector.Collected command = only(trail, s -> s.name().startsWith("command "));
            assertThat(command.name()).isEqualTo("command ApplyChangeSet");
            assertThat(command.parentSpanId()).isEqualTo(request.spanId());
            List<SpanCollector.Collected> publishes = trail.stream().filter(s -> s.name().equals(publish)).toList();
            assertThat(publishes).allSatisfy(p -> {
                assertThat(p.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_PRODUCER);
                assertThat(p.parentSpanId()).isEqualTo(command.spanId());
            });
            // each record projected once, in the query service, as the child of the span that published it
            List<SpanCollector.Collected> projections = trail.stream().filter(s -> s.name().equals(project)).toList();
            assertThat(projections).allSatisfy(p -> {
                assertThat(p.service()).isEqualTo("query-service");
                assertThat(p.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CONSUMER);
            });
            assertThat(projections).extracting(SpanCollector.Collected::parentSpanId)
                    .containsExactlyInAnyOrderElementsOf(publishes.stream().map(SpanCollector.Collected::spanId).toList());
            assertThat(trail).filteredOn(s -> s.name().equals("webhook POST")).isNotEmpty().allSatisfy(d -> {
                assertThat(d.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
                assertThat(d.parentSpanId()).isEqualTo(command.spanId());
            });
            SpanCollector.Collected sent = only(trail, s -> s.name().equals("stream send"));
            assertThat(sent.service()).isEqualTo("query-service");
            assertThat(sent.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_PRODUCER);
            assertThat(projections).extracting(SpanCollector.Collected::spanId).contains(sent.parentSpanId());
        } finally {
            streaming.shutdownNow();
            receiver.stop(0);
        }
    }

    private static SpanCollector.Collected only(List<SpanCollector.Collected> spans, Predicate<SpanCollector.Collected> which) {
        List<SpanCollector.Collected> found = spans.stream().filter(which).toList();
        assertThat(found).as("spans %s", spans).hasSize(1);
        return found.get(0);
    }

    private static HttpResponse<String> importList(String slug, byte[] markdown) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists?slug=" + slug))
                .header("Content-Type", "text/markdown")
                .header("Authorization", StackFixture.basic("alice"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(markdown)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long eventCount() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + options.pgPort() + "/"
                + LocalStack.EVENTS_DB, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Path> seeds() throws IOException {
        try (var files = Files.list(SEEDS)) {
            List<Path> seeds = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
            assertThat(seeds).isNotEmpty();
            return seeds;
        }
    }

    private static String slugOf(Path seed) {
        String name = seed.getFileName().toString();
        return name.substring(0, name.length() - 3);
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.queryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * The same records through the CloudEvents JavaScript SDK's Kafka binding (tools/cloudevents-consumer,
     * installed by .ci/run with npm ci): a consumer in another language reads type, id, source and
     * data without knowing our envelope.
     */
    private static void readWithTheJavaScriptSdk(String kcatJson, int count) throws Exception {
        Path consumer = Path.of("..", "..", "tools", "cloudevents-consumer").toAbsolutePath().normalize();
        if (!onPath("node") || !Files.isDirectory(consumer.resolve("node_modules").resolve("cloudevents"))) {
            LOG.warn("node or the CloudEvents JavaScript SDK ({}/node_modules) missing: the records were read with the Java "
                    + "SDK's tests only (npm ci in that directory installs it)", consumer);
            return;
        }
        Process process = new ProcessBuilder("node", "read.mjs").directory(consumer.toFile()).redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write(kcatJson.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        List<JsonNode> events = out.lines().filter(l -> !l.isBlank()).map(JSON::readTree).toList();
        assertThat(events).hasSize(count).allSatisfy(event -> {
            assertThat(event.get("type").asString())
                    .matches("dev\\.curation\\.list\\." + event.get("dataType").asString() + "\\.v[0-9]+");
            assertThat(event.get("id").asString()).isEqualTo(event.get("dataEventId").asString());
            assertThat(event.get("source").asString()).startsWith("/lists/");
            assertThat(event.get("subject").asString()).startsWith("versions/");
        });
        assertThat(events).extracting(e -> e.get("dataType").asString()).contains("ListImported", "ListContentImported");
    }

    private static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}

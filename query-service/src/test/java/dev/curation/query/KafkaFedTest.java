package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.MarkdownReader;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.embedded.ScriptedSite;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.document.ListDocument;
import dev.curation.embedded.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query service against a real PostgreSQL and a real Kafka topic, fed by the test with event
 * envelopes as the command service publishes them. Every subclass shares one application context
 * (same configuration), one database and one topic; tests use lists of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"curation.query.max-diff-lines=" + KafkaFedTest.MAX_DIFF_LINES,
                // small lists stay in memory between batches, larger ones (the seeds) are loaded again each time
                "curation.projection.items-in-memory=" + KafkaFedTest.ITEMS_IN_MEMORY,
                // links are checked only on the local scripted sites of LinkHealthTest: every other URL is
                // excluded, so no test reaches the internet; the timings are seconds instead of days
                "curation.links.allow-private=true", "curation.links.exclude[0]=^https?://(?!127[.]0[.]0[.]1[:/])",
                "curation.links.poll-interval=100ms", "curation.links.recheck-after=1s", "curation.links.retry-after=200ms",
                "curation.links.dead-after-failures=3", "curation.links.dead-after=1s", "curation.links.retries=0",
                "curation.links.timeout=2s", "curation.links.host-interval=0s",
                // a stream learns that its client hung up only when it next writes: a short heartbeat frees the
                // slots of the many streams the tests open from 127.0.0.1 soon after they hang up
                "curation.streams.heartbeat=1s"})
@Import(SpanRecorder.class)
abstract class KafkaFedTest {

    /** A small diff budget, so that a test list can exceed it. */
    static final int MAX_DIFF_LINES = 40;
    static final int ITEMS_IN_MEMORY = 50;
    static final String TOPIC = TestInfrastructure.uniqueName("list-events");
    private static boolean topicCreated;
    /** The Wayback availability API, played by a local site (LinkHealthTest scripts it). */
    static final ScriptedSite ARCHIVE = ScriptedSite.start("127.0.0.1");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("query"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TOPIC);
        registry.add("spring.kafka.consumer.group-id", () -> TOPIC);
        registry.add("curation.links.topic", () -> TOPIC + "-link-checks");
        registry.add("curation.links.archive.base-url", () -> ARCHIVE.url("/"));
    }

    @BeforeAll
    static synchronized void createTopic() throws Exception {
        if (topicCreated) {
            return;
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        topicCreated = true;
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    /** Publishes the import of a list as version 1 and waits until it is served; returns its events. */
    List<ListEvent> importList(String listId, String slug, String markdown) throws Exception {
        List<ListEvent> events = ImportEvents.of(new ImportList(listId, slug, markdown));
        publish(listId, 1, 0, events, 0, events.size(), false);
        awaitVersion(slug, 1);
        return events;
    }

    /**
     * Publishes a curator's change set on {@code document} (the list at {@code version - 1}, whose
     * last event had sequence {@code firstSequence - 1}) as {@code version}, waits until it is
     * served, and returns how many events it took.
     */
    int applyEdits(String listId, String slug, ListDocument document, long version, long firstSequence, Edit... edits)
            throws Exception {
        List<ListEvent> events = new ArrayList<>();
        events.add(new ChangeSetApplied(listId, version, version - 1, "test"));
        events.addAll(ListEditor.decide(listId, document, new IdSequence(1_000_000 * version), List.of(edits)));
        events.stream().skip(1).forEach(e -> ListFold.apply(document, e));
        publish(listId, version, firstSequence, events, 0, events.size(), false);
        awaitVersion(slug, version);
        return events.size();
    }

    /** The document a list's import reads, with the ids the import gave. */
    static ListDocument read(String markdown) {
        return MarkdownReader.read(markdown, new IdSequence(0));
    }

    /** Sends events [from, to) of one version; the last of {@code events} ends the version. */
    void publish(String listId, long version, long firstSequence, List<? extends ListEvent> events, int from, int to,
                 boolean twice) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int round = 0; round < (twice ? 2 : 1); round++) {
                for (int i = from; i < to; i++) {
                    ListEvent event = events.get(i);
                    long sequence = firstSequence + i;
                    EventEnvelope envelope = new EventEnvelope(listId + "-" + sequence, EventEnvelope.typeName(event),
                            EventEnvelope.revisionOf(event.getClass()), listId, version, sequence, Instant.now(),
                            "alice", "cmd-" + version, i == events.size() - 1, event);
                    producer.send(new ProducerRecord<>(TOPIC, listId, json.writeValueAsBytes(envelope))).get();
                }
            }
        }
    }

    void awaitVersion(String slug, long version) {
        // the first list of a run waits for the consumer to join its group, which takes a while on a busy machine
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT version FROM list_view WHERE slug = ?")
                .param(slug).query(Long.class).optional().orElse(0L) >= version);
    }

    /** A request; {@code headers} are name, value pairs. */
    HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Writes a record to the topic as anyone could, with a {@code traceparent} header if one is given. */
    RecordMetadata sendRaw(String key, byte[] value, String... traceparent) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, value);
            for (String parent : traceparent) {
                record.headers().add("traceparent", parent.getBytes(StandardCharsets.US_ASCII));
            }
            return producer.send(record).get();
        }
    }

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    /**
     * Asserts an RFC 9457 problem with this status whose detail contains every one of
     * {@code mentions}, and that nothing in it names a Java type or a stack frame; returns it.
     */
    JsonNode assertProblem(HttpResponse<byte[]> response, int status, String... mentions) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(response.uri() + " " + body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
                .hasValue("application/problem+json");
        assertThat(body).doesNotContain("java.", "Exception", "org.springframework", "\tat ", "dev.curation");
        JsonNode problem = json.readTree(body);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString("")).startsWith("urn:curation:problem:");
        assertThat(problem.path("title").asString("")).isNotBlank();
        assertThat(problem.path("detail").asString("")).as(response.uri().toString()).isNotBlank();
        if (mentions.length > 0) {
            assertThat(problem.get("detail").asString()).as(response.uri().toString()).contains(mentions);
        }
        return problem;
    }
}

package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListImport;
import dev.curation.embedded.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Envelopes on a real Kafka topic become read models in a real PostgreSQL, served over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionOverKafkaTest {

    private static final String TOPIC = TestInfrastructure.uniqueName("list-events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("query"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TOPIC);
        registry.add("spring.kafka.consumer.group-id", () -> TOPIC);
    }

    @BeforeAll
    static void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void importedSeedIsServedByteForByteWithStructureAndEtag() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("..", "seeds", "architecture-design-notes.md"));
        String listId = UUID.randomUUID().toString();
        publish(listId, "architecture", new String(seed, java.nio.charset.StandardCharsets.UTF_8), false);

        HttpResponse<byte[]> markdown = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/lists/architecture/markdown", null), r -> r.statusCode() == 200);

        assertThat(markdown.body()).isEqualTo(seed);
        assertThat(markdown.headers().firstValue("Content-Type")).hasValue("text/markdown;charset=UTF-8");
        String etag = markdown.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/api/lists/architecture/markdown", etag).statusCode()).isEqualTo(304);

        JsonNode structure = json.readTree(get("/api/lists/architecture", null).body());
        assertThat(structure.get("id").asString()).isEqualTo(listId);
        assertThat(structure.get("version").asLong()).isEqualTo(1);
        JsonNode first = structure.get("sections").get(0);
        assertThat(first.get("title").asString()).isEqualTo("架构设计");
        assertThat(first.get("level").asInt()).isEqualTo(1);
        assertThat(first.get("entries").get(0).get("url").asString())
                .isEqualTo("http://colobu.com/2015/04/08/software-architecture-patterns/");
        assertThat(first.get("entries").get(0).get("id").asString()).matches("e\\d+");
        assertThat(first.get("sections").get(0).get("title").asString()).isEqualTo("架构图");

        JsonNode all = json.readTree(get("/api/lists", null).body());
        assertThat(all.get("items").findValuesAsString("slug")).contains("architecture");
    }

    @Test
    void redeliveredEventsAreAppliedOnce() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = "# A\n[x](https://x.example)\n";
        publish(listId, "twice", markdown, true);

        HttpResponse<byte[]> response = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/lists/twice/markdown", null), r -> r.statusCode() == 200);
        // let the duplicates arrive, then check that they changed nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> consumedEverything());

        assertThat(new String(get("/api/lists/twice/markdown", null).body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(markdown);
        assertThat(response.body()).isEqualTo(markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(jdbc.sql("SELECT last_sequence FROM list_view WHERE id = ?").param(listId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aVersionOfManyEventsIsVisibleOnlyOnceComplete() throws Exception {
        String listId = UUID.randomUUID().toString();
        StringBuilder markdown = new StringBuilder("# Big\n");
        for (int i = 0; i < 2000; i++) {
            markdown.append("- [link ").append(i).append("](https://example.com/").append(i).append(")\n");
        }
        List<ListEvent> events = ListImport.events(new ImportList(listId, "partial", markdown.toString()), 4096);
        assertThat(events).hasSizeGreaterThan(3);

        publish(listId, events, 0, events.size() - 1, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT last_sequence FROM list_view WHERE id = ?")
                .param(listId).query(Long.class).optional().orElse(-1L) == events.size() - 2);
        assertThat(get("/api/lists/partial/markdown", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/lists/partial", null).statusCode()).isEqualTo(404);

        publish(listId, events, events.size() - 1, events.size(), false);
        HttpResponse<byte[]> complete = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/lists/partial/markdown", null), r -> r.statusCode() == 200);
        assertThat(new String(complete.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(markdown.toString());
    }

    @Test
    void unknownListIsANotFoundProblem() throws Exception {
        HttpResponse<byte[]> response = get("/api/lists/nope/markdown", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("nope");
        assertThat(get("/api/lists/nope", null).statusCode()).isEqualTo(404);
    }

    private boolean consumedEverything() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets(TOPIC).partitionsToOffsetAndMetadata().get();
            var ends = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                    tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            return !committed.isEmpty() && committed.entrySet().stream()
                    .allMatch(e -> e.getValue().offset() == ends.get(e.getKey()).offset());
        }
    }

    private void publish(String listId, String slug, String markdown, boolean twice) throws Exception {
        List<ListEvent> events = ListImport.events(new ImportList(listId, slug, markdown));
        publish(listId, events, 0, events.size(), twice);
    }

    /** Sends events [from, to) of one version; the last event of the list is marked as ending the version. */
    private void publish(String listId, List<ListEvent> events, int from, int to, boolean twice) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int round = 0; round < (twice ? 2 : 1); round++) {
                for (int i = from; i < to; i++) {
                    ListEvent event = events.get(i);
                    EventEnvelope envelope = new EventEnvelope(listId + "-" + i, EventEnvelope.typeName(event),
                            EventEnvelope.revisionOf(event.getClass()), listId, 1, i, Instant.now().toString(), "alice",
                            "cmd-1", i == events.size() - 1, event);
                    producer.send(new ProducerRecord<>(TOPIC, listId, json.writeValueAsBytes(envelope))).get();
                }
            }
        }
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

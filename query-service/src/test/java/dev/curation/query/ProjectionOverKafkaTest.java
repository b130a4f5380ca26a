package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ImportEvents;
import dev.curation.embedded.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Envelopes on a real Kafka topic become read models in a real PostgreSQL, served over HTTP. */
class ProjectionOverKafkaTest extends KafkaFedTest {

    @Test
    void importedSeedIsServedByteForByteWithStructureAndEtag() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of("..", "seeds", "architecture-design-notes.md"));
        String listId = UUID.randomUUID().toString();
        publish(listId, "architecture", new String(seed, java.nio.charset.StandardCharsets.UTF_8), false);

        HttpResponse<byte[]> markdown = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/lists/architecture/markdown"), r -> r.statusCode() == 200);

        assertThat(markdown.body()).isEqualTo(seed);
        assertThat(markdown.headers().firstValue("Content-Type")).hasValue("text/markdown;charset=UTF-8");
        String etag = markdown.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/api/lists/architecture/markdown", "If-None-Match", etag).statusCode()).isEqualTo(304);
        // conditional GETs as RFC 9110 has them: weak comparison, a list of tags
        assertThat(get("/api/lists/architecture/markdown", "If-None-Match", "W/" + etag).statusCode()).isEqualTo(304);
        assertThat(get("/api/lists/architecture/markdown", "If-None-Match", "\"other\", " + etag).statusCode()).isEqualTo(304);
        assertThat(get("/api/lists/architecture/markdown", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(get("/api/lists/architecture/markdown?version=1", "If-None-Match", etag).statusCode()).isEqualTo(304);

        JsonNode structure = json.readTree(get("/api/lists/architecture").body());
        assertThat(structure.get("id").asString()).isEqualTo(listId);
        assertThat(structure.get("version").asLong()).isEqualTo(1);
        JsonNode first = structure.get("sections").get(0);
        assertThat(first.get("title").asString()).isEqualTo("架构设计");
        assertThat(first.get("level").asInt()).isEqualTo(1);
        assertThat(first.get("entries").get(0).get("url").asString())
                .isEqualTo("http://colobu.com/2015/04/08/software-architecture-patterns/");
        assertThat(first.get("entries").get(0).get("id").asString()).matches("e\\d+");
        assertThat(first.get("sections").get(0).get("title").asString()).isEqualTo("架构图");

        JsonNode all = json.readTree(get("/api/lists").body());
        assertThat(all.get("items").findValuesAsString("slug")).contains("architecture");
    }

    @Test
    void redeliveredEventsAreAppliedOnce() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = "# A\n[x](https://x.example)\n";
        publish(listId, "twice", markdown, true);

        HttpResponse<byte[]> response = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/lists/twice/markdown"), r -> r.statusCode() == 200);
        // let the duplicates arrive, then check that they changed nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> consumedEverything());

        assertThat(new String(get("/api/lists/twice/markdown").body(), java.nio.charset.StandardCharsets.UTF_8))
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
        List<ListEvent> events = ImportEvents.of(new ImportList(listId, "partial", markdown.toString()), 4096);
        assertThat(events).hasSizeGreaterThan(3);

        publish(listId, events, 0, events.size() - 1, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT last_sequence FROM list_view WHERE id = ?")
                .param(listId).query(Long.class).optional().orElse(-1L) == events.size() - 2);
        assertThat(get("/api/lists/partial/markdown").statusCode()).isEqualTo(404);
        assertThat(get("/api/lists/partial").statusCode()).isEqualTo(404);

        publish(listId, events, events.size() - 1, events.size(), false);
        HttpResponse<byte[]> complete = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/lists/partial/markdown"), r -> r.statusCode() == 200);
        assertThat(new String(complete.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(markdown.toString());
    }

    @Test
    void unknownListIsANotFoundProblem() throws Exception {
        HttpResponse<byte[]> response = get("/api/lists/nope/markdown");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("nope");
        assertThat(get("/api/lists/nope").statusCode()).isEqualTo(404);
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
        List<ListEvent> events = ImportEvents.of(new ImportList(listId, slug, markdown));
        publish(listId, events, 0, events.size(), twice);
    }

    /** Sends events [from, to) of version 1; the last event of the list is marked as ending the version. */
    private void publish(String listId, List<ListEvent> events, int from, int to, boolean twice) throws Exception {
        publish(listId, 1, 0, events, from, to, twice);
    }
}

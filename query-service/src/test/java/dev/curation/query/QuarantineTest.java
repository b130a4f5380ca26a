package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.edit.EditSpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A record that cannot be projected quarantines its list only; the others keep projecting; an operator retries. */
class QuarantineTest extends KafkaFedTest {

    private static final String MARKDOWN = "# Tools\n- [Kafka](https://kafka.apache.org)\n";

    @Test
    void aPoisonRecordQuarantinesOnlyItsListUntilAnOperatorRetries() throws Exception {
        String poisoned = UUID.randomUUID().toString();
        String healthy = UUID.randomUUID().toString();
        int poisonedEvents = importList(poisoned, "poisoned", MARKDOWN).size();
        int healthyEvents = importList(healthy, "healthy", MARKDOWN).size();

        RecordMetadata poison = sendRaw(poisoned, "{not json".getBytes(StandardCharsets.UTF_8),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        // a real edit of the poisoned list after the poison: held, never lost
        publishEdit(poisoned, 2, poisonedEvents);
        // the other lists go on: an edit, and a list imported after the poison
        publishEdit(healthy, 2, healthyEvents);
        awaitVersion("healthy", 2);
        importList(UUID.randomUUID().toString(), "after-poison", MARKDOWN);

        assertThat(version("poisoned")).isEqualTo(1);
        JsonNode health = awaitHealth("DEGRADED");
        JsonNode quarantined = byList(health.at("/components/projection/details/quarantined"), poisoned);
        assertThat(quarantined.get("error").asString()).contains("offset " + poison.offset(),
                "trace 4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(quarantined.get("heldRecords").asInt()).isEqualTo(3); // the poison and the edit's two events
        JsonNode all = getJson("/api/operations/quarantine").get("items");
        String scrape = new String(get("/actuator/prometheus").body(), StandardCharsets.UTF_8);
        assertThat(scrape).contains("curation_projection_quarantined ", "curation_projection_quarantines_total ",
                "curation_projection_lag_seconds ", "curation_projection_list_loads_total{from=\"database\"}");
        // the healthy list's edit found it in memory, as its import's batch left it
        assertThat(getJson("/actuator/metrics/curation.projection.list.loads?tag=from:memory").at("/measurements/0/value")
                .asDouble()).isPositive();
        assertThat(getJson("/actuator/metrics/curation.projection.quarantined").at("/measurements/0/value").asDouble())
                .isEqualTo(all.size());
        assertThat(byList(all, poisoned).get("held").findValuesAsString("offset"))
                .contains(String.valueOf(poison.offset()));
        assertThat(byList(all, poisoned).get("held")).hasSize(3);

        // the cause is still there: the retry says so and keeps everything held
        JsonNode still = assertProblem(post("/api/operations/quarantine/" + poisoned + "/retry", ""), 409,
                "still fail");
        assertThat(still.get("list").asString()).isEqualTo(poisoned);
        assertThat(version("poisoned")).isEqualTo(1);

        // the operator drops the record that is not an event of ours; the held edit applies
        HttpResponse<byte[]> released = post("/api/operations/quarantine/" + poisoned + "/retry",
                "{\"discard\":[{\"partition\":" + poison.partition() + ",\"offset\":" + poison.offset() + "}]}");
        assertThat(released.statusCode()).as(new String(released.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(json.readTree(released.body()).get("status").asString()).isEqualTo("released");
        assertThat(version("poisoned")).isEqualTo(2);
        assertThat(getJson("/api/operations/quarantine").get("items").findValuesAsString("list")).doesNotContain(poisoned);

        // and the list projects normally again
        publishEdit(poisoned, 3, poisonedEvents + 2);
        awaitVersion("poisoned", 3);
        assertProblem(post("/api/operations/quarantine/" + poisoned + "/retry", ""), 404, "not quarantined");
    }

    /** A lost event (a gap in a list's sequence) holds the list until the event arrives, then it repairs itself. */
    @Test
    void aSequenceGapWaitsForTheMissingEventAndRepairsItself() throws Exception {
        String gapped = UUID.randomUUID().toString();
        int imported = importList(gapped, "gapped", MARKDOWN).size();
        ListDocument document = read(MARKDOWN);
        List<ListEvent> events = new ArrayList<>();
        events.add(new ChangeSetApplied(gapped, 2, 1, "test"));
        events.addAll(ListEditor.decide(gapped, document, new IdSequence(2000),
                List.of(new Edit.AddLink("s1", null, "Late", "https://example.com/late", null))));
        // the version's first event is lost on the way; the second arrives
        publish(gapped, 2, imported, events, 1, events.size(), false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                byList(getJson("/api/operations/quarantine").get("items"), gapped).get("error").asString())
                .contains("sequence gap", "republish"));
        assertThat(version("gapped")).isEqualTo(1);

        // the repair (a republish from the event store) sends it again: held, ordered, applied
        publish(gapped, 2, imported, events, 0, 1, false);
        awaitVersion("gapped", 2);
        assertThat(getJson("/api/operations/quarantine").get("items").findValuesAsString("list")).doesNotContain(gapped);
        assertThat(new String(get("/api/lists/gapped/markdown").body(), StandardCharsets.UTF_8))
                .contains("[Late](https://example.com/late)");
    }

    /** The case from the field: an event the database cannot store (NUL in a rationale) stops its list only. */
    @Test
    void anEventTheDatabaseRefusesQuarantinesItsList() throws Exception {
        String bad = UUID.randomUUID().toString();
        int events = importList(bad, "nul-rationale", MARKDOWN).size();
        EditSpec spec = new EditSpec("addLink", "s1", null, null, null, null, "Pulsar", "https://pulsar.apache.org",
                null, null, null);
        publish(bad, 1, events, List.of(new ProposalSubmitted(bad, "p1", 1, "why\u0000not", List.of(spec), "carol")),
                0, 1, false);
        String other = UUID.randomUUID().toString();
        importList(other, "after-nul", MARKDOWN);
        publishEdit(other, 2, events);
        awaitVersion("after-nul", 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(getJson("/api/operations/quarantine").get("items").findValuesAsString("list")).contains(bad));
    }

    private static JsonNode byList(JsonNode items, String list) {
        for (JsonNode item : items) {
            if (item.get("list").asString().equals(list)) {
                return item;
            }
        }
        throw new AssertionError(list + " not in " + items);
    }

    private void publishEdit(String listId, long version, long firstSequence) throws Exception {
        ListDocument document = read(MARKDOWN);
        List<ListEvent> events = new ArrayList<>();
        events.add(new ChangeSetApplied(listId, version, version - 1, "test"));
        events.addAll(ListEditor.decide(listId, document, new IdSequence(1000 * version),
                List.of(new Edit.AddLink("s1", null, "Link " + version, "https://example.com/" + version, null))));
        publish(listId, version, firstSequence, events, 0, events.size(), false);
    }

    private long version(String slug) {
        return jdbc.sql("SELECT version FROM list_view WHERE slug = ?").param(slug).query(Long.class).single();
    }

    private JsonNode awaitHealth(String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(get("/actuator/health").body())
                .get("status").asString().equals(status));
        return json.readTree(uncheckedGet("/actuator/health"));
    }

    private byte[] uncheckedGet(String path) {
        try {
            return get(path).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

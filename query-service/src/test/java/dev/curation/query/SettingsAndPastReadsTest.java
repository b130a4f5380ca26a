package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.LintRule;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ReviewPolicyChanged;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * What the curator web app's settings and history pages read that no other read gave: the review
 * policy and the whole lint profile as the events set them, the structure of a past version (time
 * travel), and one version's history row.
 */
class SettingsAndPastReadsTest extends KafkaFedTest {

    private static final String MARKDOWN = "# Tools\n## Logs\n- [Kafka](https://kafka.apache.org) - A log.\n";

    @Test
    void theReviewPolicyAndEveryLintRuleAreReadAsTheEventsSetThem() throws Exception {
        String listId = UUID.randomUUID().toString();
        String slug = "settings-" + listId.substring(0, 8);
        long sequence = importList(listId, slug, MARKDOWN).size();

        // never set: the defaults, every rule named, alphabetical off
        assertThat(getJson("/api/lists/" + slug + "/review-policy").toString())
                .isEqualTo("{\"requiredApprovals\":1,\"authorCounts\":false,\"dismissOnAmend\":true}");
        JsonNode defaults = getJson("/api/lists/" + slug + "/lint-profile");
        assertThat(defaults.get("rules").propertyNames())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(LintRule.values()).map(LintRule::id).toList());
        assertThat(defaults.at("/rules/alphabetical").asString()).isEqualTo("off");
        assertThat(defaults.at("/rules/double-link").asString()).isEqualTo("error");
        assertThat(defaults.get("sameUrlInSections").asBoolean()).isFalse();
        assertThat(defaults.get("catalogue")).hasSize(LintRule.values().length);
        assertThat(defaults.at("/catalogue/0").toString()).isEqualTo("{\"id\":\"link-text\",\"description\":\""
                + LintRule.LINK_TEXT.description() + "\",\"defaultSeverity\":\"error\"}");

        LintProfile set = LintProfile.withChanges(Map.of("alphabetical", "error", "separator", "off"), true);
        List<ListEvent> settings = List.of(new ReviewPolicyChanged(listId, 2, true, false, "alice"),
                new LintProfileChanged(listId, set.toWire(), true, "alice"));
        for (int i = 0; i < settings.size(); i++) {
            publish(listId, 1, sequence + i, List.of(settings.get(i)), 0, 1, false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                getJson("/api/lists/" + slug + "/lint-profile").get("sameUrlInSections").asBoolean());

        assertThat(getJson("/api/lists/" + slug + "/review-policy").toString())
                .isEqualTo("{\"requiredApprovals\":2,\"authorCounts\":true,\"dismissOnAmend\":false}");
        JsonNode profile = getJson("/api/lists/" + slug + "/lint-profile");
        // what the command service's PUT answered: every rule with its severity, off included
        assertThat(json.convertValue(profile.get("rules"), new TypeReference<Map<String, String>>() { }))
                .isEqualTo(set.toWire());
        assertThat(profile.at("/rules/separator").asString()).isEqualTo("off");
        assertThat(profile.at("/rules/alphabetical").asString()).isEqualTo("error");
        // the lint report's profile still names only the rules that are on
        assertThat(getJson("/api/lists/" + slug + "/lint").at("/profile/rules/separator").isMissingNode()).isTrue();

        assertProblem(get("/api/lists/no-such-list/review-policy"), 404, "no-such-list");
        assertProblem(get("/api/lists/no-such-list/lint-profile"), 404, "no-such-list");
    }

    @Test
    void aPastVersionsStructureAndOneVersionsHistoryRow() throws Exception {
        String listId = UUID.randomUUID().toString();
        String slug = "time-travel-" + listId.substring(0, 8);
        List<ListEvent> imported = importList(listId, slug, MARKDOWN);
        ListDocument document = read(MARKDOWN);
        // s1 Tools, s2 Logs, e3 Kafka
        String logs = "s2";
        String kafka = "e3";
        long sequence = imported.size();
        sequence += applyEdits(listId, slug, document, 2, sequence,
                new Edit.AddLink(logs, null, "Pulsar", "https://pulsar.apache.org", "Tiered storage."));
        applyEdits(listId, slug, document, 3, sequence, new Edit.RemoveLink(kafka));

        JsonNode first = getJson("/api/lists/" + slug + "?version=1");
        assertThat(first.get("version").asLong()).isEqualTo(1);
        assertThat(first.toString()).contains("\"" + kafka + "\"", "Kafka").doesNotContain("Pulsar");
        JsonNode second = getJson("/api/lists/" + slug + "?version=2");
        assertThat(second.toString()).contains("Kafka", "Pulsar");
        JsonNode current = getJson("/api/lists/" + slug);
        assertThat(current.toString()).contains("Pulsar").doesNotContain("Kafka");
        assertThat(getJson("/api/lists/" + slug + "?version=3")).isEqualTo(current);
        assertThat(getJson("/api/lists/" + slug + "?at=2999-01-01T00:00:00Z")).isEqualTo(current);

        assertProblem(get("/api/lists/" + slug + "?version=9"), 404, "has no version 9 (current: 3)");
        assertProblem(get("/api/lists/" + slug + "?at=2000-01-01T00:00:00Z"), 404, "did not exist");
        assertProblem(get("/api/lists/" + slug + "?version=0"), 400, "version");
        assertProblem(get("/api/lists/" + slug + "?version=two"), 400, "version");
        assertProblem(get("/api/lists/" + slug + "?version=1&at=2999-01-01T00:00:00Z"), 400, "not both");
        assertProblem(get("/api/lists/no-such-list?version=1"), 404, "no-such-list");

        // a version's row is its item of the history, word for word
        JsonNode items = getJson("/api/lists/" + slug + "/history").get("items");
        for (JsonNode item : items) {
            assertThat(getJson("/api/lists/" + slug + "/history/" + item.get("version").asLong())).isEqualTo(item);
        }
        assertThat(getJson("/api/lists/" + slug + "/history/2").get("summary").asString()).contains("Pulsar");
        assertProblem(get("/api/lists/" + slug + "/history/9"), 404, "has no version 9 (current: 3)");
        assertProblem(get("/api/lists/" + slug + "/history/0"), 400, "version");
        assertProblem(get("/api/lists/" + slug + "/history/two"), 400, "version");
        assertProblem(get("/api/lists/no-such-list/history/1"), 404, "no-such-list");
    }
}

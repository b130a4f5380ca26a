package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A list version's lint report over HTTP, as JSON and as SARIF. */
class LintTest extends KafkaFedTest {

    private static final String MARKDOWN = """
            # Streams
            ## Logs
            - [Kafka](https://kafka.apache.org) - A distributed log.
            - [Pulsar](https://pulsar.apache.org) — tiered storage
            - [Kafka again](http://www.kafka.apache.org/) - The same page.
            ## Empty
            """;

    @Test
    void aVersionIsReportedAsJsonAndAsSarif() throws Exception {
        String listId = UUID.randomUUID().toString();
        int events = importList(listId, "lint-streams", MARKDOWN).size();
        ListDocument document = read(MARKDOWN);
        applyEdits(listId, "lint-streams", document, 2, events,
                new Edit.AddLink("s2", null, "Flink", "https://flink.apache.org", "stream processing."));

        JsonNode now = getJson("/api/lists/lint-streams/lint");
        assertThat(now.get("version").asLong()).isEqualTo(2);
        assertThat(now.get("errors").asLong()).isEqualTo(1);
        assertThat(now.get("problems").findValuesAsString("rule")).containsExactly("separator",
                "description-capital", "description-punctuation", "double-link", "description-capital", "empty-section");
        JsonNode doubled = now.get("problems").get(3);
        assertThat(doubled.get("severity").asString()).isEqualTo("error");
        assertThat(doubled.get("line").asInt()).isEqualTo(5);
        assertThat(doubled.get("message").asString()).contains("same page as entry e3");
        assertThat(now.at("/profile/rules/double-link").asString()).isEqualTo("error");
        assertThat(now.at("/profile/rules/alphabetical").isMissingNode()).isTrue();

        assertThat(now.get("warnings").asLong()).isEqualTo(5);
        // a past version, as it was: without the lower-case description version 2 added
        JsonNode first = getJson("/api/lists/lint-streams/lint?version=1");
        assertThat(first.get("errors").asLong()).isEqualTo(1);
        assertThat(first.get("warnings").asLong()).isEqualTo(4);

        HttpResponse<byte[]> sarif = get("/api/lists/lint-streams/lint", "Accept", "application/sarif+json");
        assertThat(sarif.statusCode()).isEqualTo(200);
        assertThat(sarif.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/sarif+json"));
        JsonNode log = json.readTree(sarif.body());
        assertThat(log.get("version").asString()).isEqualTo("2.1.0");
        JsonNode run = log.at("/runs/0");
        assertThat(run.at("/tool/driver/name").asString()).isEqualTo("curation-lint");
        assertThat(run.at("/tool/driver/rules").findValuesAsString("id")).contains("double-link", "table-of-contents");
        assertThat(run.get("results").findValuesAsString("ruleId")).hasSize(6).contains("double-link");
        JsonNode result = run.get("results").get(3);
        assertThat(result.get("level").asString()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asString()).isEqualTo("lint-streams.md");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(5);
        assertThat(result.at("/locations/0/logicalLocations/0/name").asString()).isEqualTo(doubled.get("item").asString());

        // JSON wins when the client prefers it
        assertThat(get("/api/lists/lint-streams/lint", "Accept", "application/json, application/sarif+json;q=0.5")
                .headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    }

    @Test
    void aVersionIsCheckedAgainstTheProfileSetForIt() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = "# Order\n- [Beta](https://b.example) - B.\n- [Alpha](https://a.example) - A.\n";
        int events = importList(listId, "lint-order", markdown).size();
        assertThat(getJson("/api/lists/lint-order/lint").get("problems")).isEmpty();

        // a curator asks for alphabetical order as an error: a settings event, no new version
        var profile = dev.curation.core.lint.LintProfile.withChanges(java.util.Map.of("alphabetical", "error"), false);
        publish(listId, 1, events, java.util.List.of(new dev.curation.core.list.LintProfileChanged(listId, profile.toWire(),
                false, "alice")), 0, 1, false);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(getJson("/api/lists/lint-order/lint").at("/profile/rules/alphabetical").asString()).isEqualTo("error"));
        JsonNode report = getJson("/api/lists/lint-order/lint");
        assertThat(report.get("version").asLong()).isEqualTo(1);
        assertThat(report.get("errors").asLong()).isEqualTo(1);
        assertThat(report.at("/problems/0/rule").asString()).isEqualTo("alphabetical");
        assertThat(report.at("/problems/0/message").asString()).contains("'Alpha'", "'Beta'");
        // history has no version for it
        assertThat(getJson("/api/lists/lint-order/history").get("items")).hasSize(1);
    }

    @Test
    void aProposalShowsTheProblemsItWouldAdd() throws Exception {
        String listId = UUID.randomUUID().toString();
        int events = importList(listId, "lint-proposal", "# Proposals\n- [A](https://a.example) - A.\n").size();
        var edit = new dev.curation.core.edit.EditSpec("addLink", "s1", null, null, null, null, "B", "https://b.example",
                "a link", null, null);
        publish(listId, 1, events, java.util.List.of(new dev.curation.core.list.ProposalSubmitted(listId, "p-lint", 1, "why",
                java.util.List.of(edit), "carol")), 0, 1, false);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                get("/api/lists/lint-proposal/proposals/p-lint").statusCode() == 200);
        JsonNode detail = getJson("/api/lists/lint-proposal/proposals/p-lint");
        assertThat(detail.get("preview").asString()).contains("+- [B](https://b.example) - a link");
        assertThat(detail.get("lint").findValuesAsString("rule")).containsExactly("description-capital",
                "description-punctuation");
        assertThat(detail.at("/lint/0/severity").asString()).isEqualTo("warning");
        assertThat(detail.at("/lint/0/line").asInt()).isEqualTo(3);
    }

    @Test
    void unknownListsVersionsAndBadVersionsAreProblems() throws Exception {
        importList(UUID.randomUUID().toString(), "lint-small", "# Small\n- [A](https://a.example) - A.\n");
        assertProblem(get("/api/lists/no-such-list/lint"), 404, "no-such-list");
        assertProblem(get("/api/lists/lint-small/lint?version=7"), 404, "no version 7");
        assertProblem(get("/api/lists/lint-small/lint?version=0"), 400, "version");
        assertProblem(get("/api/lists/lint-small/lint?version=x"), 400, "version");
        assertProblem(get("/api/lists/lint-small/lint", "Accept", "text/html"), 406);
    }
}

package dev.curation.command.list.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/lists/{slug}/proposals/checks} over real HTTP on a real event store: it answers
 * what proposing the same body answers (the warnings, or the refusal's detail) and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ProposalCheckTest {

    /** ids: s1 the heading, e2 Beta */
    private static final String MARKDOWN = "# Checked\n- [Beta](https://b.example) - B.\n";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("command"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TestInfrastructure.uniqueName("list-events"));
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void list() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM list_slug WHERE slug = 'checked'").query(Long.class).single() == 0) {
            HttpResponse<String> imported = send("/api/lists?slug=checked", "text/markdown", "alice", MARKDOWN);
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        }
    }

    @Test
    void anAcceptableChangeSetGetsTheWarningsProposingGivesAndNothingIsStored() throws Exception {
        String body = addLink("s1", "Gamma", "https://g.example", "the third");
        long events = eventCount();
        long proposals = proposalEvents();

        HttpResponse<String> checked = send("/api/lists/checked/proposals/checks", "application/json", "carol", body,
                "Idempotency-Key", "check-1");

        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        JsonNode check = json.readTree(checked.body());
        assertThat(check.get("acceptable").asBoolean()).isTrue();
        assertThat(check.get("baseVersion").asLong()).isEqualTo(1);
        assertThat(check.get("problems").findValuesAsString("severity")).containsOnly("warning");
        // nothing stored: no event (so nothing for Kafka), no proposal, no idempotency record; the list stays at version 1
        assertThat(eventCount()).isEqualTo(events);
        assertThat(proposalEvents()).isEqualTo(proposals);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record").query(Long.class).single()).isZero();
        // a second check (the same key) is checked again, not replayed
        HttpResponse<String> again = send("/api/lists/checked/proposals/checks", "application/json", "carol", body,
                "Idempotency-Key", "check-1");
        assertThat(again.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(json.readTree(again.body())).isEqualTo(check);

        HttpResponse<String> proposed = send("/api/lists/checked/proposals", "application/json", "carol", body);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        JsonNode warnings = json.readTree(proposed.body()).get("warnings");
        assertThat(warnings.findValuesAsString("rule")).contains("description-capital")
                .containsExactlyElementsOf(check.get("problems").findValuesAsString("rule"));
        assertThat(warnings.findValuesAsString("message"))
                .containsExactlyElementsOf(check.get("problems").findValuesAsString("message"));
        assertThat(proposalEvents()).isEqualTo(proposals + 1);
    }

    @Test
    void aRefusedChangeSetGetsTheDetailTheProposalWouldAnswer() throws Exception {
        record Refused(String body, int status, Integer edit, String field) {
        }
        List<Refused> refused = new ArrayList<>(List.of(
                new Refused(addLink("s1", "Evil", "javascript:alert(1)", null), 400, 0, "url"),
                new Refused(addLink("s1", "Beta again", "https://b.example", null), 409, 0, "url"),
                new Refused(addLink("s404", "Lost", "https://lost.example", null), 404, 0, "section"),
                new Refused(addLink("s1", "T".repeat(301), "https://long.example", null), 400, 0, "title"),
                new Refused("{\"edits\":[]}", 400, null, "edits"),
                new Refused("{\"baseVersion\":7," + addLink("s1", "Zeta", "https://z.example", null).substring(1), 400, null,
                        "baseVersion")));
        long events = eventCount();
        long proposals = proposalEvents();

        for (Refused r : refused) {
            HttpResponse<String> checked = send("/api/lists/checked/proposals/checks", "application/json", "carol", r.body());
            HttpResponse<String> proposed = send("/api/lists/checked/proposals", "application/json", "carol", r.body());

            assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(r.status());
            JsonNode check = json.readTree(checked.body());
            assertThat(check.get("acceptable").asBoolean()).as(checked.body()).isFalse();
            assertThat(check.get("problems")).hasSize(1);
            JsonNode problem = check.get("problems").get(0);
            assertThat(problem.get("severity").asString()).isEqualTo("error");
            assertThat(problem.get("message").asString()).isEqualTo(json.readTree(proposed.body()).get("detail").asString());
            assertThat(problem.has("edit") ? problem.get("edit").asInt() : null).as(checked.body()).isEqualTo(r.edit());
            assertThat(problem.get("field").asString()).as(checked.body()).isEqualTo(r.field());
        }
        // as docs/api-guide.md shows it
        HttpResponse<String> unsafe = send("/api/lists/checked/proposals/checks", "application/json", "carol",
                refused.getFirst().body());
        assertThat(unsafe.body()).isEqualTo("{\"acceptable\":false,\"problems\":[{\"edit\":0,\"field\":\"url\","
                + "\"severity\":\"error\",\"message\":\"edits[0].url: scheme must be http, https or mailto, not 'javascript'\"}]}");
        assertThat(eventCount()).isEqualTo(events);
        assertThat(proposalEvents()).isEqualTo(proposals);
    }

    @Test
    void aMalformedBodyIsAProblemAndASignedOutCallerIsRefused() throws Exception {
        HttpResponse<String> malformed = send("/api/lists/checked/proposals/checks", "application/json", "carol", "{\"edits\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(malformed.body()).get("type").asString()).isEqualTo("urn:curation:problem:malformed-json");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/lists/checked/proposals/checks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(addLink("s1", "Anon", "https://anon.example", null))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json.readTree(anonymous.body()).get("type").asString()).isEqualTo("urn:curation:problem:unauthenticated");

        HttpResponse<String> noList = send("/api/lists/no-such-list/proposals/checks", "application/json", "carol",
                addLink("s1", "X", "https://x.example", null));
        assertThat(noList.statusCode()).isEqualTo(404);
    }

    private static String addLink(String section, String title, String url, String description) {
        return "{\"edits\":[{\"op\":\"addLink\",\"section\":\"" + section + "\",\"title\":\"" + title + "\",\"url\":\"" + url
                + "\"" + (description == null ? "" : ",\"description\":\"" + description + "\"") + "}]}";
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private long proposalEvents() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ProposalSubmitted'")
                .query(Long.class).single();
    }

    private HttpResponse<String> send(String path, String contentType, String user, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}

package dev.curation.command.list.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * {@code POST /api/lists/{slug}/reverts/checks} over real HTTP on a real event store: a curator
 * gets what reverting answers, a contributor what proposing the revert answers (the refusal's
 * detail word for word, or what would change), and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class RevertCheckTest {

    /** ids: s1 the heading, e2 Beta; version 2 adds Gamma, version 3 renames it */
    private static final String MARKDOWN = "# Reverted\n- [Beta](https://b.example) - B.\n";

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
    /** The entry version 2 adds: the next id after the import's s1 and e2. */
    private static final String GAMMA = "e3";

    @BeforeEach
    void list() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM list_slug WHERE slug = 'reverted'").query(Long.class).single() == 0) {
            assertThat(send("/api/lists?slug=reverted", "text/markdown", "alice", MARKDOWN).statusCode()).isEqualTo(201);
            for (String edit : new String[] {
                    "{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"Gamma\",\"url\":\"https://g.example\",\"description\":\"G.\"}",
                    "{\"op\":\"editLink\",\"entry\":\"" + GAMMA + "\",\"title\":\"Gamma ray\"}"}) {
                HttpResponse<String> edited = send("/api/lists/reverted/edits", "application/json", "alice",
                        "{\"edits\":[" + edit + "]}");
                assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void aCuratorSeesWhatTheRevertWouldChangeAndNothingIsStored() throws Exception {
        long events = eventCount();

        HttpResponse<String> checked = send("/api/lists/reverted/reverts/checks", "application/json", "alice",
                "{\"version\":3}", "Idempotency-Key", "revert-check-1");

        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        JsonNode check = json.readTree(checked.body());
        assertThat(check.get("acceptable").asBoolean()).isTrue();
        assertThat(check.get("as").asString()).isEqualTo("revert");
        assertThat(check.get("problems")).isEmpty();
        assertThat(check.get("currentVersion").asLong()).isEqualTo(3);
        assertThat(check.get("reverted").asLong()).isEqualTo(3);
        assertThat(check.get("through").asLong()).isEqualTo(3);
        assertThat(check.get("entries")).hasSize(1);
        JsonNode entry = check.get("entries").get(0);
        assertThat(entry.get("change").asString()).isEqualTo("EDITED");
        assertThat(entry.get("id").asString()).isEqualTo(GAMMA);
        assertThat(entry.at("/before/title").asString()).isEqualTo("Gamma ray");
        assertThat(entry.at("/after/title").asString()).isEqualTo("Gamma");
        assertThat(check.get("sections")).isEmpty();
        // nothing stored: no event, no idempotency record; the list stays at version 3
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record").query(Long.class).single()).isZero();
        assertThat(version()).isEqualTo(3);

        // the range 2..3 would remove Gamma, as reverting it does
        JsonNode range = json.readTree(send("/api/lists/reverted/reverts/checks", "application/json", "alice",
                "{\"version\":2,\"throughVersion\":3}").body());
        assertThat(range.at("/entries/0/change").asString()).isEqualTo("REMOVED");
        assertThat(range.get("through").asLong()).isEqualTo(3);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRefusedRevertGetsTheDetailTheRevertOrTheProposalWouldAnswer() throws Exception {
        long events = eventCount();
        for (String body : new String[] {"{\"version\":2}", "{\"version\":1}", "{\"version\":9}", "{}"}) {
            // a curator: what the revert answers
            JsonNode check = json.readTree(send("/api/lists/reverted/reverts/checks", "application/json", "alice", body).body());
            HttpResponse<String> reverted = send("/api/lists/reverted/reverts", "application/json", "alice", body);
            assertThat(reverted.statusCode()).as(reverted.body()).isBetween(400, 499);
            assertThat(check.get("acceptable").asBoolean()).as(body).isFalse();
            assertThat(check.has("as")).isFalse();
            assertThat(check.at("/problems/0/severity").asString()).isEqualTo("error");
            assertThat(check.at("/problems/0/message").asString()).as(body)
                    .isEqualTo(json.readTree(reverted.body()).get("detail").asString());

            // a contributor: what proposing the revert answers
            JsonNode proposalCheck = json.readTree(send("/api/lists/reverted/reverts/checks", "application/json", "carol",
                    body).body());
            String revertEdit = "{\"edits\":[{\"op\":\"revert\"" + (body.equals("{}") ? "" : "," + body.substring(1, body.length() - 1))
                    + "}]}";
            HttpResponse<String> proposed = send("/api/lists/reverted/proposals", "application/json", "carol", revertEdit);
            assertThat(proposed.statusCode()).as(proposed.body()).isBetween(400, 499);
            assertThat(proposalCheck.get("acceptable").asBoolean()).as(body).isFalse();
            assertThat(proposalCheck.at("/problems/0/message").asString()).as(body)
                    .isEqualTo(json.readTree(proposed.body()).get("detail").asString());
        }
        // as docs/api-guide.md shows it
        assertThat(send("/api/lists/reverted/reverts/checks", "application/json", "alice", "{\"version\":2}").body())
                .startsWith("{\"acceptable\":false,\"problems\":[{\"severity\":\"error\",\"message\":\"");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aContributorSeesWhatProposingTheRevertWouldDo() throws Exception {
        HttpResponse<String> checked = send("/api/lists/reverted/reverts/checks", "application/json", "carol", "{\"version\":3}");
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        JsonNode check = json.readTree(checked.body());
        assertThat(check.get("acceptable").asBoolean()).isTrue();
        assertThat(check.get("as").asString()).isEqualTo("proposal");
        assertThat(check.at("/entries/0/id").asString()).isEqualTo(GAMMA);
        // carol may not revert herself, but may check and propose it
        assertThat(send("/api/lists/reverted/reverts", "application/json", "carol", "{\"version\":3}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aMalformedBodyIsAProblemAndASignedOutCallerIsRefused() throws Exception {
        HttpResponse<String> malformed = send("/api/lists/reverted/reverts/checks", "application/json", "alice", "{\"version\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("type").asString()).isEqualTo("urn:curation:problem:malformed-json");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/lists/reverted/reverts/checks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"version\":2}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(send("/api/lists/no-such-list/reverts/checks", "application/json", "alice", "{\"version\":2}").statusCode())
                .isEqualTo(404);
    }

    /** The list's version: the import, then one per change set or revert. */
    private long version() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ChangeSetApplied' "
                + "OR payload_type LIKE '%VersionReverted'").query(Long.class).single() + 1;
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
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

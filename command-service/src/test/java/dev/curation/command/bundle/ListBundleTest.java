package dev.curation.command.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.MemberRoleSet;
import dev.curation.core.list.WebhookRemoved;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A list moved with its whole history over the real command service (PostgreSQL, Kafka): exported
 * with versions, a proposal, a member and a webhook, imported under a new slug, it has the same
 * events (types, versions, actors, times, payloads but its ids) and the same Markdown, and no
 * secret travelled; a bundle changed on the way, missing an event or naming an unknown type stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"curation.webhooks.allow-private=true", "curation.webhooks.enabled=false"})
@ActiveProfiles("local")
@DirtiesContext
class ListBundleTest {

    private static final String TOPIC = TestInfrastructure.uniqueName("list-events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("command"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TOPIC);
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    EventStore events;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aListMovesWithItsWholeHistoryAndNoSecret() throws Exception {
        assertThat(send("POST", "/api/lists?slug=moving", "text/markdown", "alice",
                "# Moving\n- [A](https://a.example) - A.\n").statusCode()).isEqualTo(201);
        edit("moving", "B");
        edit("moving", "C");
        HttpResponse<String> proposed = send("POST", "/api/lists/moving/proposals", "application/json", "carol",
                "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"D\",\"url\":\"https://d.example\"}],"
                        + "\"rationale\":\"D is good\"}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String proposal = json.readTree(proposed.body()).get("id").asString();
        assertThat(send("POST", "/api/lists/moving/proposals/" + proposal + "/approve?revision=1", "application/json",
                "bob", "").statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/lists/moving/members/dave", "application/json", "alice", "{\"role\":\"curator\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> subscribed = send("POST", "/api/lists/moving/webhooks", "application/json", "alice",
                "{\"url\":\"http://127.0.0.1:9/hook/secret-path-xyz\",\"kinds\":[\"version\"]}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String secret = json.readTree(subscribed.body()).get("secret").asString();
        edit("moving", "E");

        // only the list's curators export, signed in
        assertThat(send("GET", "/api/lists/moving/export", null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/lists/moving/export", null, "carol", null).statusCode()).isEqualTo(403);
        HttpResponse<String> exported = send("GET", "/api/lists/moving/export", null, "alice", null);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.startsWith("application/x-ndjson"));
        String bundle = exported.body();
        assertThat(bundle).doesNotContain(secret).doesNotContain("secret-path-xyz");
        List<String> lines = bundle.lines().toList();
        String listId = jdbc.sql("SELECT list_id FROM list_slug WHERE slug = 'moving'").query(String.class).single();
        List<DomainEventMessage<?>> original = stream(listId);
        JsonNode header = json.readTree(lines.getFirst());
        assertThat(header.get("format").asString()).isEqualTo("curation-list-bundle");
        assertThat(header.get("events").asLong()).isEqualTo(original.size());
        assertThat(lines).hasSize(original.size() + 2);
        assertThat(lines.getLast()).isEqualTo("{\"checksum\":\"sha256:" + sha256(lines.subList(0, lines.size() - 1)) + "\"}");

        // tampered bundles store nothing
        long stored = eventCount();
        String oneByte = bundle.replace("\"title\":\"C\"", "\"title\":\"X\"");
        assertThat(oneByte).isNotEqualTo(bundle);
        assertProblem(importBundle("moved", "bob", oneByte), 400, "bundle-checksum", "checksum");
        List<String> missing = new ArrayList<>(lines.subList(0, lines.size() - 1));
        missing.remove(4);
        assertProblem(importBundle("moved", "bob", sealed(missing)), 400, "bundle-does-not-fold", "sequence");
        List<String> unknown = new ArrayList<>(lines.subList(0, lines.size() - 1));
        unknown.set(3, unknown.get(3).replaceFirst("\"type\":\"[A-Za-z]+\"", "\"type\":\"LinkTeleported\""));
        assertProblem(importBundle("moved", "bob", sealed(unknown)), 400, "unknown-event-type", "type");
        assertProblem(importBundle("moved", "bob", "not json\n"), 400, "invalid-bundle", "format");
        assertProblem(importBundle("moved", "bob", bundle.replace("\"formatVersion\":1", "\"formatVersion\":9")), 400,
                "invalid-bundle", "formatVersion");
        assertProblem(importBundle("moved", "bob", sealed(lines.subList(0, lines.size() - 2)).replaceAll("\n\\{\"checksum.*\n", "\n")),
                400, "invalid-bundle", "checksum");
        assertThat(eventCount()).isEqualTo(stored);
        assertThat(jdbc.sql("SELECT count(*) FROM list_slug WHERE slug = 'moved'").query(Long.class).single()).isZero();
        assertThat(importBundle("moving", "bob", bundle).statusCode()).isEqualTo(409);
        assertThat(importBundle("moved", "carol", bundle).statusCode()).isEqualTo(403);

        // the move: the same events, with the importer made owner and the webhook taken off
        HttpResponse<String> imported = importBundle("moved", "bob", bundle);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode answer = json.readTree(imported.body());
        String newId = answer.get("id").asString();
        assertThat(newId).isNotEqualTo(listId);
        List<DomainEventMessage<?>> moved = stream(newId);
        assertThat(moved).hasSize(original.size() + 2);
        for (int i = 0; i < original.size(); i++) {
            DomainEventMessage<?> before = original.get(i);
            DomainEventMessage<?> after = moved.get(i);
            assertThat(after.getSequenceNumber()).isEqualTo(i);
            assertThat(after.getPayloadType()).isEqualTo(before.getPayloadType());
            assertThat(after.getTimestamp()).isEqualTo(before.getTimestamp());
            assertThat(after.getMetaData().get("actor")).isEqualTo(before.getMetaData().get("actor"));
            assertThat(((Number) after.getMetaData().get("listVersion")).longValue())
                    .isEqualTo(((Number) before.getMetaData().get("listVersion")).longValue());
            assertThat(after.getMetaData().get("endOfVersion")).isEqualTo(before.getMetaData().get("endOfVersion"));
            assertThat(after.getMetaData().get("correlationId")).isEqualTo(before.getMetaData().get("correlationId"));
            assertThat(((ListEvent) after.getPayload()).listId()).isEqualTo(newId);
            assertThat(comparable(after)).isEqualTo(comparable(before));
        }
        assertThat(moved.get(original.size()).getPayload()).isEqualTo(new MemberRoleSet(newId, "bob", "owner", "bob"));
        assertThat(moved.getLast().getPayload()).isInstanceOf(WebhookRemoved.class);
        assertThat(moved.getLast().getMetaData().get("actor")).isEqualTo("bob");
        assertThat(markdown(moved)).isEqualTo(markdown(original)).contains("[D](https://d.example)", "[E]");

        // the moved list is served: bob owns it and edits it, the original is untouched
        assertThat(answer.get("version").asLong()).isEqualTo(5);
        edit("moved", "F");
        assertThat(send("PUT", "/api/lists/moved/members/erin", "application/json", "bob", "{\"role\":\"contributor\"}")
                .statusCode()).isEqualTo(200);
        assertThat(stream(listId)).hasSize(original.size());
        assertThat(json.readTree(send("GET", "/api/lists/moving/webhooks", null, "alice", null).body()).size()).isEqualTo(1);
        assertThat(json.readTree(send("GET", "/api/lists/moved/webhooks", null, "bob", null).body()).size()).isZero();
    }

    private ObjectNode comparable(DomainEventMessage<?> message) {
        ObjectNode payload = (ObjectNode) json.valueToTree(message.getPayload());
        payload.remove(List.of("listId", "slug", "proposal"));
        payload.put("type", EventEnvelope.typeName((ListEvent) message.getPayload()));
        return payload;
    }

    private static String markdown(List<DomainEventMessage<?>> messages) {
        return MarkdownWriter.write(ListFold.fold(messages.stream().map(m -> (ListEvent) m.getPayload()).toList()));
    }

    private List<DomainEventMessage<?>> stream(String listId) {
        List<DomainEventMessage<?>> all = new ArrayList<>();
        events.readEvents(listId).asStream().forEach(all::add);
        return all;
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private String sealed(List<String> lines) throws Exception {
        return String.join("\n", lines) + "\n{\"checksum\":\"sha256:" + sha256(lines) + "\"}\n";
    }

    private static String sha256(List<String> lines) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String line : lines) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void assertProblem(HttpResponse<String> response, int status, String type, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).as(response.body()).endsWith(type);
        assertThat(problem.get("field").asString()).as(response.body()).isEqualTo(field);
    }

    private void edit(String slug, String title) throws Exception {
        HttpResponse<String> edited = send("POST", "/api/lists/" + slug + "/edits", "application/json", "alice",
                "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"" + title + "\",\"url\":\"https://"
                        + title.toLowerCase() + ".example\",\"description\":\"" + title + ".\"}]}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    }

    private HttpResponse<String> importBundle(String slug, String user, String bundle) throws Exception {
        return send("POST", "/api/lists?slug=" + slug, "application/x-ndjson", user, bundle);
    }

    private HttpResponse<String> send(String method, String path, String type, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.curation.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
 * A webhook's URL and secret are credentials: the event carries only the receiver's origin, the
 * list's members (not a global role) decide who sees and manages its webhooks, a refused
 * subscription leaves no secret behind, and a keyed subscription's stored answer holds no secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"curation.webhooks.allow-private=true", "curation.webhooks.enabled=false"})
@ActiveProfiles("local")
class WebhookPrivacyTest {

    private static final String TOPIC = TestInfrastructure.uniqueName("list-events");
    private static final String MARKER = "SECRET-7f3a";

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
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theEventCarriesTheOriginAndTheCuratorsReadTheWholeUrl() throws Exception {
        importList("private-hook");
        HttpResponse<String> subscribed = send("POST", "/api/lists/private-hook/webhooks", "alice",
                "{\"url\":\"http://127.0.0.1:9/T0/B0/" + MARKER + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String id = json.readTree(subscribed.body()).get("id").asString();

        List<String> stored = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                        + "WHERE payload_type LIKE '%WebhookSubscribed' AND convert_from(payload, 'UTF8')::jsonb ->> 'webhook' = ?")
                .param(id).query(String.class).list();
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst()).contains("\"url\":\"http://127.0.0.1:9\"").doesNotContain(MARKER);
        assertThat(jdbc.sql("SELECT url FROM webhook_secret WHERE id = ?").param(id).query(String.class).single())
                .endsWith(MARKER);

        HttpResponse<String> listed = send("GET", "/api/lists/private-hook/webhooks", "alice", null);
        assertThat(listed.statusCode()).isEqualTo(200);
        // the subscriptions are kept from the events by the outbox: the whole URL comes from the private row
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                send("GET", "/api/lists/private-hook/webhooks", "alice", null).body().contains(MARKER));
    }

    @Test
    void aGlobalCuratorMadeOnlyAContributorOfTheListIsShutOutOfItsWebhooks() throws Exception {
        importList("bobs-hooks");
        HttpResponse<String> subscribed = send("POST", "/api/lists/bobs-hooks/webhooks", "alice", "{\"url\":\"http://127.0.0.1:9/h\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String id = json.readTree(subscribed.body()).get("id").asString();
        assertThat(send("GET", "/api/lists/bobs-hooks/webhooks", "bob", null).statusCode())
                .as("bob is a global curator and the list says nothing else").isEqualTo(200);
        assertThat(send("PUT", "/api/lists/bobs-hooks/members/bob", "alice", "{\"role\":\"contributor\"}").statusCode())
                .isEqualTo(200);

        String base = "/api/lists/bobs-hooks/webhooks";
        assertThat(send("GET", base, "bob", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", base + "/" + id + "/deliveries", "bob", null).statusCode()).isEqualTo(403);
        assertThat(send("POST", base + "/" + id + "/deliveries/1/redeliver", "bob", null).statusCode()).isEqualTo(403);
        assertThat(send("POST", base + "/" + id + "/enable", "bob", null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", base + "/" + id, "bob", null).statusCode()).isEqualTo(403);
        HttpResponse<String> refused = send("POST", base, "bob", "{\"url\":\"http://127.0.0.1:9/bob\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        // carol holds no role at all; signed out is a 401
        assertThat(send("GET", base, "carol", null).statusCode()).isEqualTo(403);
        assertThat(send("GET", base, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", base, "alice", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aRefusedSubscriptionLeavesNoSecretBehind() throws Exception {
        importList("no-orphans");
        int before = secrets();
        assertThat(send("POST", "/api/lists/no-orphans/webhooks", "carol", "{\"url\":\"http://127.0.0.1:9/c\"}").statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/lists/no-orphans/webhooks", "alice", "{\"url\":\"http://127.0.0.1:9/c\",\"kinds\":[\"nope\"]}")
                .statusCode()).isEqualTo(400);
        for (int i = 0; i < 20; i++) {
            assertThat(send("POST", "/api/lists/no-orphans/webhooks", "alice", "{\"url\":\"http://127.0.0.1:9/" + i + "\"}")
                    .statusCode()).isEqualTo(201);
        }
        HttpResponse<String> overCap = send("POST", "/api/lists/no-orphans/webhooks", "alice", "{\"url\":\"http://127.0.0.1:9/21\"}");
        assertThat(overCap.statusCode()).as(overCap.body()).isEqualTo(400);
        assertThat(secrets()).isEqualTo(before + 20);
    }

    @Test
    void aKeyedSubscriptionIsReplayedWithoutItsSecret() throws Exception {
        importList("keyed-hook");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/lists/keyed-hook/webhooks"))
                .header("Content-Type", "application/json").header("Authorization", basic("alice"))
                .header("Idempotency-Key", "hook-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:9/keyed\"}"));
        HttpResponse<String> first = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String secret = json.readTree(first.body()).get("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSize(50);

        byte[] kept = jdbc.sql("SELECT body FROM idempotency_record WHERE idempotency_key = 'hook-1'").query(byte[].class).single();
        assertThat(new String(kept, StandardCharsets.UTF_8)).doesNotContain(secret);
        HttpResponse<String> again = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        JsonNode replayed = json.readTree(again.body());
        assertThat(replayed.get("id").asString()).isEqualTo(json.readTree(first.body()).get("id").asString());
        assertThat(replayed.get("secret").isNull()).isTrue();
        assertThat(again.body()).doesNotContain(secret);
    }

    private int secrets() {
        return jdbc.sql("SELECT count(*) FROM webhook_secret").query(Integer.class).single();
    }

    private void importList(String slug) throws Exception {
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/lists?slug=" + slug))
                .header("Content-Type", "text/markdown").header("Authorization", basic("alice"))
                .POST(HttpRequest.BodyPublishers.ofString("# Hooks\n- [A](https://a.example) - A.\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}

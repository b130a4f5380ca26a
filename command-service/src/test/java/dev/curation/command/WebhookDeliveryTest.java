package dev.curation.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import dev.curation.command.webhook.WebhookSignature;
import dev.curation.embedded.ScriptedSite;
import dev.curation.embedded.ScriptedSite.Reply;
import dev.curation.embedded.TestInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks over the real command service: a local receiver gets every change signed, in order,
 * also the ones it missed while it answered 503, and a subscription that keeps failing is
 * disabled until a curator turns it on again; a receiver that never ends its answer costs one
 * failed attempt per deadline, never a stuck thread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"curation.webhooks.allow-private=true", "curation.webhooks.poll=100ms", "curation.webhooks.backoff=200ms",
                "curation.webhooks.max-backoff=1s", "curation.webhooks.disable-after=6", "curation.webhooks.timeout=1s"})
@ActiveProfiles("local")
class WebhookDeliveryTest {

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



    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer receiver;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answer = new AtomicInteger(204);
    /** The {@code traceparent} of every delivery received. */
    private final List<String> traceparents = Collections.synchronizedList(new ArrayList<>());

    record Received(String delivery, String timestamp, String signature, byte[] body, Map<String, List<String>> headers) {

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(h -> h.getValue().getFirst())
                    .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + headers.keySet()));
        }
    }

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            int status = answer.get();
            if (status < 300) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Curation-Delivery"),
                        exchange.getRequestHeaders().getFirst("Curation-Timestamp"),
                        exchange.getRequestHeaders().getFirst("Curation-Signature"), body,
                        caseInsensitive(exchange.getRequestHeaders())));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void everyChangeArrivesSignedInOrderAlsoAfterTheReceiverWasDown() throws Exception {
        assertThat(post("/api/lists?slug=hooked", "text/markdown", "alice", "# Hooked\n- [A](https://a.example) - A.\n")
                .statusCode()).isEqualTo(201);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        assertThat(post("/api/lists/hooked/webhooks", "application/json", "carol", "{\"url\":\"" + url + "\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> subscribed = post("/api/lists/hooked/webhooks", "application/json", "alice",
                "{\"url\":\"" + url + "\",\"kinds\":[\"version\"]}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        JsonNode hook = json.readTree(subscribed.body());
        String id = hook.get("id").asString();
        String secret = hook.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(post("/api/lists/hooked/webhooks", "application/json", "alice", "{\"url\":\"ftp://x.example/\"}").statusCode())
                .isEqualTo(400);

        String trace = edit("hooked", "B");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);
        // the delivery is a span in the edit's trace, and its POST names it
        assertThat(traceparents.getFirst()).startsWith("00-" + trace + "-");
        Received first = received.getFirst();
        assertThat(first.signature()).isEqualTo(WebhookSignature.of(secret, Long.parseLong(first.timestamp()), first.body()));
        // Standard Webhooks: the official library verifies the delivery, and refuses it tampered or replayed late
        String body = new String(first.body(), StandardCharsets.UTF_8);
        new Webhook(secret).verify(body, first.headers());
        assertThat(first.header("webhook-id")).isEqualTo(id + "_" + first.delivery());
        assertThatThrownBy(() -> new Webhook(secret).verify(body.replace("\"B\"", "\"X\""), first.headers()))
                .isInstanceOf(WebhookVerificationException.class);
        long late = Instant.now().getEpochSecond() - 600;
        Map<String, List<String>> replayed = caseInsensitive(first.headers());
        replayed.put("webhook-timestamp", List.of(Long.toString(late)));
        replayed.put("webhook-signature", List.of(WebhookSignature.standard(secret, first.header("webhook-id"), late, first.body())));
        assertThatThrownBy(() -> new Webhook(secret).verify(body, replayed))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("too old");
        assertThatThrownBy(() -> new Webhook("whsec_" + Base64.getEncoder().encodeToString(new byte[32])).verify(body,
                first.headers())).isInstanceOf(WebhookVerificationException.class);
        // CloudEvents' HTTP binding, binary mode: the SDK reads the change from the headers and the body
        CloudEvent event = HttpMessageFactory.createReaderFromMultimap(first.headers(), first.body()).toEvent();
        assertThat(event.getType()).isEqualTo("dev.curation.change.version.v1");
        assertThat(event.getSource()).hasToString("/lists/" + json.readTree(first.body()).get("listId").asString());
        assertThat(event.getSubject()).isEqualTo("versions/2");
        assertThat(event.getId()).matches("[0-9a-f-]{36}");
        assertThat(event.getExtension("listsequence")).hasToString(first.delivery());
        assertThat(event.getExtension("actor")).isEqualTo("alice");
        assertThat(event.getData()).isNotNull();
        assertThat(event.getData().toBytes()).isEqualTo(first.body());
        JsonNode change = json.readTree(first.body());
        assertThat(change.get("kind").asString()).isEqualTo("version");
        assertThat(change.get("version").asLong()).isEqualTo(2);
        assertThat(change.at("/entries/0/after/title").asString()).isEqualTo("B");

        // the receiver is down (503) while two more changes are made; they arrive once, in order, when it is back
        answer.set(503);
        edit("hooked", "C");
        edit("hooked", "D");
        Thread.sleep(1500);
        answer.set(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 3);
        List<Long> versions = received.stream().map(r -> json.readTree(r.body()).get("version").asLong()).toList();
        assertThat(versions).containsExactly(2L, 3L, 4L);
        List<Long> sequences = received.stream().map(r -> Long.parseLong(r.delivery())).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        // the receiver keeps a delivery before it answers: the sender records it a moment later
        await().atMost(Duration.ofSeconds(5)).until(() -> json.readTree(get("/api/lists/hooked/webhooks/" + id + "/deliveries",
                "alice").body()).findValuesAsString("state").stream().allMatch("delivered"::equals));
        JsonNode log = json.readTree(get("/api/lists/hooked/webhooks/" + id + "/deliveries", "alice").body());
        assertThat(log.findValuesAsString("state")).containsOnly("delivered");
        assertThat(log.get(1).get("attempts").asInt()).isGreaterThan(1);

        // failing on: disabled after six failures in a row, then turned on again by a curator
        answer.set(500);
        edit("hooked", "E");
        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(get("/api/lists/hooked/webhooks", "alice").body())
                .get(0).get("state").asString().equals("disabled"));
        answer.set(204);
        assertThat(post("/api/lists/hooked/webhooks/" + id + "/enable", "application/json", "bob", "").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 4);
        assertThat(json.readTree(received.get(3).body()).get("version").asLong()).isEqualTo(5);
    }

    @Test
    void aReceiverThatNeverEndsItsAnswerFailsEachAttemptAtTheDeadlineAndIsDisabled() throws Exception {
        // 200 at once, then a byte every 100 ms for ever: each read is quick, the answer never ends
        ScriptedSite stalling = ScriptedSite.start("127.0.0.1");
        try {
            stalling.script("/hook", Reply.trickle(200, Duration.ofMillis(100)));
            assertThat(post("/api/lists?slug=stalled", "text/markdown", "alice", "# Stalled\n- [A](https://a.example) - A.\n")
                    .statusCode()).isEqualTo(201);
            HttpResponse<String> subscribed = post("/api/lists/stalled/webhooks", "application/json", "alice",
                    "{\"url\":\"" + stalling.url("/hook") + "\"}");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            String id = json.readTree(subscribed.body()).get("id").asString();

            edit("stalled", "B");
            // disable-after=6 deadlines of 1 s and pauses of at most 1 s: well inside 30 s; the lease alone would take 31 s
            // the list of webhooks is empty until the outbox recorded the subscription: asked again, not failed
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> json.readTree(get("/api/lists/stalled/webhooks",
                    "alice").body()).get(0).get("state").asString().equals("disabled"));
            JsonNode delivery = json.readTree(get("/api/lists/stalled/webhooks/" + id + "/deliveries", "alice").body()).get(0);
            assertThat(delivery.get("state").asString()).isEqualTo("pending");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(6);
            assertThat(delivery.get("lastStatus").isNull()).isTrue();
            assertThat(delivery.get("lastError").asString()).startsWith("no answer within 1000 ms");
            assertThat(delivery.get("lastMillis").asLong()).isBetween(900L, 2500L);
            // one attempt at a time, each connection closed by the sender at its deadline
            assertThat(stalling.hits("/hook")).isEqualTo(6);
            assertThat(stalling.maxConcurrent()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> stalling.abandoned() == 6);
            assertThat(stalling.open()).isZero();
        } finally {
            stalling.close();
        }
    }

    /** Header names as HTTP means them: in any case. */
    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return copy;
    }

    /** Makes an edit; returns its trace id (of the answer's {@code traceparent}). */
    private String edit(String slug, String title) throws Exception {
        HttpResponse<String> edited = post("/api/lists/" + slug + "/edits", "application/json", "alice",
                "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s1\",\"title\":\"" + title + "\",\"url\":\"https://" + title.toLowerCase()
                        + ".example\",\"description\":\"" + title + ".\"}]}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        return edited.headers().firstValue("traceparent").orElseThrow().substring(3, 35);
    }

    private HttpResponse<String> post(String path, String type, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", type)
                .header("Authorization", basic(user)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", basic(user))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}

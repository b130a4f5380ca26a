package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The security regression suite over the real stack (issue 25): each probe here was an open hole
 * on the running stack once. A webhook's URL is its credential and reaches no open read: every
 * read either service documents, and both change streams, are walked after a subscription whose
 * URL carries a marker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT extends SeedListSession {

    private static final String MARKER = "T0B0SECRET" + Long.toHexString(System.nanoTime());
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    @Test
    @Order(1)
    void noOpenReadOrStreamRevealsAWebhooksUrl() throws Exception {
        HttpResponse<String> subscribed = post("alice", "/api/lists/" + LIST + "/webhooks",
                "{\"url\":\"http://127.0.0.1:9/services/T0/B0/" + MARKER + "\",\"kinds\":[\"settings\"]}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String webhook = JSON.readTree(subscribed.body()).get("id").asString();
        // the subscription is visible to everyone as a change (its id and kinds), so the walk below has something to find
        await().atMost(Duration.ofSeconds(20)).until(() -> stream(stack.queryUrl() + "/api/lists/" + LIST + "/stream", webhook)
                .contains(webhook));

        Map<String, String> values = new LinkedHashMap<>();
        JsonNode structure = JSON.readTree(get("/api/lists/" + LIST).body());
        String entry = structure.at("/sections/0/entries/0/id").asString(null);
        values.put("slug", LIST);
        values.put("list", LIST);
        values.put("version", Long.toString(structure.get("version").asLong()));
        values.put("entry", entry == null ? "e1" : entry);
        values.put("id", entry == null ? "e1" : entry);

        List<String> walked = new ArrayList<>();
        StringBuilder everything = new StringBuilder();
        for (String service : List.of(stack.queryUrl(), stack.commandUrl())) {
            JsonNode paths = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(service + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                JsonNode get = path.getValue().get("get");
                if (get == null) {
                    continue;
                }
                String url = service + fill(path.getKey(), values);
                String body = get.toString().contains("text/event-stream") ? stream(url, webhook) : read(url);
                assertThat(body).as("GET " + url + " (anonymous)").doesNotContain(MARKER);
                // a read sent along with someone's token (or the bot's) shows no more to them than to anyone
                assertThat(read(url, signIn("carol"))).as("GET " + url + " (carol)").doesNotContain(MARKER);
                walked.add(path.getKey());
                everything.append(body);
            }
        }
        assertThat(walked).contains("/api/lists/{slug}/stream", "/api/streams/changes", "/api/lists/{slug}/history",
                "/api/lists/{slug}/feed.atom");
        assertThat(everything).as("the subscription itself is public: its id").contains(webhook);

        // its curators read the whole URL; anyone else, a contributor included, nothing
        HttpResponse<String> curators = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists/" + LIST
                + "/webhooks")).header("Authorization", signIn("alice")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(curators.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> read(stack.commandUrl() + "/api/lists/" + LIST + "/webhooks",
                signIn("alice")).contains(MARKER));
        assertThat(read(stack.commandUrl() + "/api/lists/" + LIST + "/webhooks", signIn("carol"))).doesNotContain(MARKER);
        assertThat(read(stack.commandUrl() + "/api/lists/" + LIST + "/webhooks")).doesNotContain(MARKER);
    }

    @Test
    @Order(2)
    void aGlobalCuratorMadeAContributorOfTheListGets403OnEveryWebhookPath() throws Exception {
        HttpResponse<String> subscribed = post("alice", "/api/lists/" + LIST + "/webhooks", "{\"url\":\"http://127.0.0.1:9/bob\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String id = JSON.readTree(subscribed.body()).get("id").asString();
        String hooks = "/api/lists/" + LIST + "/webhooks";
        assertThat(send("GET", hooks, "bob").statusCode()).isEqualTo(200);
        HttpResponse<String> demoted = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists/" + LIST
                        + "/members/bob")).header("Authorization", signIn("alice")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"role\":\"contributor\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);

        for (String[] call : new String[][] {{"GET", hooks}, {"GET", hooks + "/" + id + "/deliveries"},
                {"POST", hooks + "/" + id + "/deliveries/1/redeliver"}, {"POST", hooks + "/" + id + "/enable"},
                {"DELETE", hooks + "/" + id}}) {
            HttpResponse<String> refused = send(call[0], call[1], "bob");
            assertThat(refused.statusCode()).as(call[0] + " " + call[1] + ": " + refused.body()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("http://127.0.0.1:9");
        }
        assertThat(post("bob", hooks, "{\"url\":\"http://127.0.0.1:9/bobs\"}").statusCode()).isEqualTo(403);
        assertThat(send("GET", hooks, "alice").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> send(String method, String path, String user) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + path)).header("Authorization", signIn(user))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String fill(String path, Map<String, String> values) {
        Matcher parameter = PARAMETER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(parameter.group(1), "1")));
        }
        return parameter.appendTail(filled).toString();
    }

    private static String read(String url) throws Exception {
        return read(url, null);
    }

    private static String read(String url, String authorization) throws Exception {
        if (url.contains("/stream")) {
            return "";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** What a stream sends from the start of the history within a few seconds, or until {@code until} came. */
    private static String stream(String url, String until) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[8192];
            while (System.nanoTime() < deadline && !seen.toString().contains(until)) {
                if (in.available() == 0) {
                    Thread.sleep(20);
                    continue;
                }
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            // the rest of what is already there
            while (in.available() > 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        }
        return seen.toString();
    }
}

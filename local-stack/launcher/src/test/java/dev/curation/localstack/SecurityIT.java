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
        String entry = firstEntry(structure.get("sections"));
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

    @Test
    @Order(3)
    void aPageOnAnotherSiteCannotRunOperations() throws Exception {
        for (String url : List.of(stack.queryUrl() + "/api/operations/rebuild", stack.commandUrl() + "/api/operations/republish")) {
            HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(foreign.statusCode()).as(url + ": " + foreign.body()).isEqualTo(403);
            assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            HttpResponse<String> crossSite = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Sec-Fetch-Site", "cross-site")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(crossSite.statusCode()).as(url + ": " + crossSite.body()).isEqualTo(403);
            HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("a=b")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).as(url + ": " + form.body()).isEqualTo(415);
        }
        // the list is still served as it was: nothing was rebuilt behind the refusals
        assertThat(get("/api/lists/" + LIST).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void theRequestsHostNeverReachesTheFeed() throws Exception {
        String feed = raw(stack.queryUrl(), "GET /api/lists/" + LIST + "/feed.atom HTTP/1.1\r\nHost: evil.example\r\n"
                + "X-Forwarded-Host: evil2.example\r\nX-Forwarded-Proto: gopher\r\nConnection: close\r\n\r\n");
        assertThat(feed).startsWith("HTTP/1.1 200").contains("<feed").doesNotContain("evil.example", "evil2.example", "gopher");
    }

    @Test
    @Order(5)
    void guessingOneAccountLocksOutNobodyElse() throws Exception {
        java.net.InetAddress here = java.net.InetAddress.getByName("127.0.0.1");
        java.net.InetAddress elsewhere = java.net.InetAddress.getByName("127.0.0.2");
        String webhooks = stack.commandUrl() + "/api/lists/" + LIST + "/webhooks";
        for (int i = 0; i < 15; i++) {
            assertThat(basicGet(here, webhooks, "alice", "wrong" + i).statusCode()).isIn(401, 429);
        }
        // right after a failure that counted, the pair waits: the right secret from the guesser's address too
        freshFailure(() -> basicGet(here, webhooks, "alice", "wrong"));
        assertThat(basicGet(here, webhooks, "alice", "alice").statusCode()).as("the guesser stays throttled").isEqualTo(429);
        assertThat(basicGet(here, webhooks, "bob", "bob").statusCode()).as("another account from the same address")
                .isNotIn(401, 429);
        assertThat(basicGet(elsewhere, webhooks, "alice", "alice").statusCode()).as("the owner from another address")
                .isEqualTo(200);

        String tokens = stack.issuerUrl() + "/oauth2/token";
        for (int i = 0; i < 15; i++) {
            assertThat(token(here, tokens, "carol", "wrong" + i).statusCode()).isIn(401, 429);
        }
        freshFailure(() -> token(here, tokens, "carol", "wrong"));
        assertThat(token(here, tokens, "carol", "carol").statusCode()).as("the guesser stays throttled").isEqualTo(429);
        assertThat(token(here, tokens, "alice", "alice").statusCode()).as("another client from the same address").isEqualTo(200);
        assertThat(token(elsewhere, tokens, "carol", "carol").statusCode()).as("the owner from another address").isEqualTo(200);
    }

    private interface Attempt {
        HttpResponse<Void> send() throws Exception;
    }

    /** Guesses again once the pair's wait is over, until a guess is refused as wrong (401) and so counted. */
    private static void freshFailure(Attempt wrong) throws Exception {
        for (int i = 0; i < 10; i++) {
            HttpResponse<Void> answer = wrong.send();
            if (answer.statusCode() == 401) {
                return;
            }
            assertThat(answer.statusCode()).isEqualTo(429);
            Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow()));
        }
        throw new AssertionError("no guess was counted in 10 tries");
    }

    @Test
    @Order(6)
    void oneAddressCannotTakeEveryStream() throws Exception {
        java.net.http.HttpClient greedy = java.net.http.HttpClient.newBuilder()
                .localAddress(java.net.InetAddress.getByName("127.0.0.1")).build();
        java.net.http.HttpClient other = java.net.http.HttpClient.newBuilder()
                .localAddress(java.net.InetAddress.getByName("127.0.0.3")).build();
        List<InputStream> open = new ArrayList<>();
        try {
            int refusedAt = -1;
            for (int i = 0; i < 40 && refusedAt < 0; i++) {
                HttpResponse<InputStream> stream = greedy.send(HttpRequest.newBuilder(URI.create(stack.queryUrl() + "/api/streams/changes"))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
                open.add(stream.body());
                if (stream.statusCode() != 200) {
                    assertThat(stream.statusCode()).isEqualTo(429);
                    assertThat(stream.headers().firstValue("Retry-After")).isPresent();
                    refusedAt = i;
                }
            }
            assertThat(refusedAt).as("one address holds at most its share").isBetween(1, 39);
            HttpResponse<InputStream> another = other.send(HttpRequest.newBuilder(URI.create(stack.queryUrl() + "/api/lists/" + LIST
                    + "/stream")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            open.add(another.body());
            assertThat(another.statusCode()).as("another address still gets a stream").isEqualTo(200);
        } finally {
            for (InputStream stream : open) {
                stream.close();
            }
        }
    }

    @Test
    @Order(7)
    void aReceiverThatNeverEndsItsBodyIsAFailedAttempt() throws Exception {
        try (java.net.ServerSocket receiver = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            List<java.net.Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        java.net.Socket socket = receiver.accept();
                        held.add(socket);
                        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nnot done"
                                .getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            HttpResponse<String> subscribed = post("alice", "/api/lists/" + LIST + "/webhooks",
                    "{\"url\":\"http://127.0.0.1:" + receiver.getLocalPort() + "/stall\",\"kinds\":[\"proposal\"]}");
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
            String id = JSON.readTree(subscribed.body()).get("id").asString();
            String entry = firstEntry(JSON.readTree(get("/api/lists/" + LIST).body()).get("sections"));
            HttpResponse<String> proposed = post("carol", "/api/lists/" + LIST + "/proposals",
                    "{\"edits\":[{\"op\":\"editLink\",\"entry\":\"" + entry + "\",\"description\":\"Stalled.\"}]}");
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
            String deliveries = stack.commandUrl() + "/api/lists/" + LIST + "/webhooks/" + id + "/deliveries";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode log = JSON.readTree(read(deliveries, signIn("alice")));
                return log.size() > 0 && log.get(0).get("attempts").asInt() >= 1 && !log.get(0).get("lastError").isNull();
            });
            JsonNode first = JSON.readTree(read(deliveries, signIn("alice"))).get(0);
            assertThat(first.get("state").asString()).isEqualTo("pending");
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists/" + LIST + "/webhooks/" + id))
                    .header("Authorization", signIn("alice")).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(204);
            for (java.net.Socket socket : held) {
                socket.close();
            }
        }
    }

    /** The id of the first entry in a structure's sections, at any depth. */
    private static String firstEntry(JsonNode sections) {
        for (JsonNode section : sections) {
            JsonNode entries = section.get("entries");
            if (entries != null && !entries.isEmpty()) {
                return entries.get(0).get("id").asString();
            }
            String inner = firstEntry(section.get("sections"));
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** A request written by hand, for headers an HTTP client will not send (Host). */
    private static String raw(String base, String request) throws Exception {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<Void> basicGet(java.net.InetAddress from, String url, String user, String secret) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().localAddress(from).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static HttpResponse<Void> token(java.net.InetAddress from, String url, String client, String secret) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().localAddress(from).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((client + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.discarding());
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

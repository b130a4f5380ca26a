package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A review session on the real stack, as a new user would try it: proposals, roles, approval,
 * direct edits, moves, conflicts and rebases, checked on the Markdown the query service serves.
 */
class ReviewSessionIT extends SeedListSession {

    @Test
    void aReviewSession() throws Exception {
        String tools = sectionId("工具");

        // carol proposes a link for 工具
        HttpResponse<String> proposed = post("carol", "/api/lists/" + LIST + "/proposals", """
                {"baseVersion": 1, "rationale": "Nacos is a popular registry",
                 "edits": [{"op": "addLink", "section": "%s", "title": "Nacos", "url": "https://nacos.io"}]}""".formatted(tools));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String proposal = JSON.readTree(proposed.body()).get("id").asString();
        assertThat(JSON.readTree(proposed.body()).get("status").asString()).isEqualTo("submitted");

        // the query side shows it with a preview of exactly one added line
        JsonNode detail = await().atMost(Duration.ofSeconds(10)).until(
                () -> JSON.readTree(getString("/api/lists/" + LIST + "/proposals/" + proposal)),
                node -> node.has("proposal"));
        assertThat(detail.get("proposal").get("author").asString()).isEqualTo("carol");
        assertThat(detail.get("preview").asString()).contains("+- [Nacos](https://nacos.io)\n");
        assertThat(getString("/api/lists/" + LIST + "/proposals?status=submitted")).contains(proposal);

        // carol cannot approve (contributor), nor could she as author; alice can
        assertProblem(post("carol", "/api/lists/" + LIST + "/proposals/" + proposal + "/approve", ""), 403);
        HttpResponse<String> approved = post("alice", "/api/lists/" + LIST + "/proposals/" + proposal + "/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(JSON.readTree(approved.body()).get("version").asLong()).isEqualTo(2);

        String v2 = awaitVersion(2);
        assertThat(added(new String(seed, StandardCharsets.UTF_8), v2)).containsExactly("- [Nacos](https://nacos.io)");
        assertThat(v2).contains("- [Ribbon](https://github.com/Netflix/ribbon)\n- [Nacos](https://nacos.io)\n");
        assertProblem(post("bob", "/api/lists/" + LIST + "/proposals/" + proposal + "/reject", "{\"reason\":\"late\"}"), 409);

        // bad input and anonymous writes change nothing
        assertProblem(post("alice", "/api/lists/" + LIST + "/edits", """
                {"edits": [{"op": "addLink", "section": "%s", "title": "x", "url": "javascript:alert(1)"}]}""".formatted(tools)), 400);
        assertThat(send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists/" + LIST + "/edits"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"edits\":[]}"))).statusCode()).isEqualTo(401);
        assertProblem(post("alice", "/api/lists/" + LIST + "/edits", "{\"edits\": [{\"op\": \"teleport\"}]}"), 400);
        assertProblem(post("alice", "/api/lists/" + LIST + "/edits", "{\"edits\": [{\"op\": \"removeLink\", \"entry\": \"e999999\"}]}"), 404);
        assertProblem(post("alice", "/api/lists/" + LIST + "/edits", "{\"edits\": [{\"op\": \"addLink\", \"position\": \"first\"}]}"), 400);

        // bob moves 消息系统 after 架构模型: its lines move verbatim
        List<String> top = topLevelTitles();
        int after = top.indexOf("架构模型");
        HttpResponse<String> moved = post("bob", "/api/lists/" + LIST + "/edits", """
                {"baseVersion": 2, "rationale": "group models", "edits": [{"op": "moveSection", "section": "%s", "parent": null, "position": %d}]}"""
                .formatted(sectionId("消息系统"), after));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.headers().firstValue("ETag")).hasValue("\"3\"");
        String v3 = awaitVersion(3);
        String messaging = v2.substring(v2.indexOf("## 消息系统\n"), v2.indexOf("## 网络模型\n"));
        assertThat(v3).contains("## 架构模型\n").contains(messaging);
        assertThat(v3.indexOf("## 消息系统\n")).isGreaterThan(v3.indexOf("## 架构模型\n"));
        assertThat(v3.length()).isEqualTo(v2.length());

        // two proposals edit the same link from the same base: the first applies, the second clashes
        String hystrix = entryId("Hystrix");
        String p1 = id(post("carol", "/api/lists/" + LIST + "/proposals", editLink(3, hystrix, "Hystrix (maintenance)")));
        String p2 = id(post("carol", "/api/lists/" + LIST + "/proposals", editLink(3, hystrix, "Netflix Hystrix")));
        assertThat(post("alice", "/api/lists/" + LIST + "/proposals/" + p1 + "/approve", "").statusCode()).isEqualTo(200);
        HttpResponse<String> clash = post("bob", "/api/lists/" + LIST + "/proposals/" + p2 + "/approve", "");
        assertProblem(clash, 409);
        assertThat(JSON.readTree(clash.body()).get("items").toString()).contains(hystrix);
        String v4 = awaitVersion(4);
        assertThat(v4).contains("[Hystrix (maintenance)]").doesNotContain("Netflix Hystrix");

        // a stale proposal (base 3) touching another topic rebases and applies
        String kafka = sectionId("Kafka");
        String p3 = id(post("carol", "/api/lists/" + LIST + "/proposals", """
                {"baseVersion": 3, "edits": [{"op": "addLink", "section": "%s", "title": "Kafka docs", "url": "https://kafka.apache.org/documentation/"}]}"""
                .formatted(kafka)));
        HttpResponse<String> rebased = post("bob", "/api/lists/" + LIST + "/proposals/" + p3 + "/approve", "");
        assertThat(rebased.statusCode()).as(rebased.body()).isEqualTo(200);
        String v5 = awaitVersion(5);
        assertThat(added(v4, v5)).containsExactly("[Kafka docs](https://kafka.apache.org/documentation/)");

        // retries with an Idempotency-Key apply once; If-Match guards against a stale base
        String retry = "{\"edits\": [{\"op\": \"addSection\", \"parent\": null, \"title\": \"Tracing\"}]}";
        HttpResponse<String> first = post("alice", "/api/lists/" + LIST + "/edits", retry, "Idempotency-Key", "k-1");
        HttpResponse<String> second = post("alice", "/api/lists/" + LIST + "/edits", retry, "Idempotency-Key", "k-1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertProblem(post("alice", "/api/lists/" + LIST + "/edits", retry, "If-Match", "\"2\""), 412);
        String v6 = awaitVersion(6);
        assertThat(v6.split("## Tracing\n", -1)).hasSize(2);

        // search across lists finds the new link, in any language
        assertThat(getString("/api/search?q=nacos")).contains("\"url\":\"https://nacos.io\"");
        assertThat(getString("/api/search?q=" + java.net.URLEncoder.encode("服务", StandardCharsets.UTF_8))).contains("服务");
    }

    /**
     * The review as a conversation, on a list of its own: carol proposes; bob comments on her edit;
     * alice sends it back; carol amends; the revisions' diff is served; with a policy of two
     * approvals, alice's approval is recorded and the proposal waits; bob's applies it.
     */
    @Test
    void aReviewConversation() throws Exception {
        String markdown = "# Registries\n## Service discovery\n- [Nacos](https://nacos.io) - A registry.\n";
        HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists?slug=conversation"))
                .header("Content-Type", "text/markdown").header("Authorization", signIn("alice"))
                .POST(HttpRequest.BodyPublishers.ofString(markdown)));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String list = "/api/lists/conversation";

        // a webhook receiver on this machine, which will be down (503) for a while in the middle
        java.util.concurrent.atomic.AtomicInteger answer = new java.util.concurrent.atomic.AtomicInteger(204);
        List<String[]> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = answer.get();
            if (status < 300) {
                delivered.add(new String[] {exchange.getRequestHeaders().getFirst("Curation-Delivery"),
                        exchange.getRequestHeaders().getFirst("Curation-Timestamp"),
                        exchange.getRequestHeaders().getFirst("Curation-Signature"), new String(body, StandardCharsets.UTF_8)});
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        HttpResponse<String> hook = post("alice", list + "/webhooks",
                "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}");
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
        String secret = JSON.readTree(hook.body()).get("secret").asString();

        assertProblem(put("carol", list + "/review-policy", "{\"requiredApprovals\": 2}"), 403);
        HttpResponse<String> policy = put("alice", list + "/review-policy", "{\"requiredApprovals\": 2}");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        assertThat(JSON.readTree(policy.body()).get("dismissOnAmend").asBoolean()).isTrue();

        String proposal = id(post("carol", list + "/proposals", """
                {"rationale": "a mesh", "edits": [{"op": "addLink", "section": "s2", "title": "Consul", "url": "https://consul.io",
                 "description": "A service mesh."}]}"""));
        String question = id(post("bob", list + "/proposals/" + proposal + "/comments", "{\"text\": \"Why Consul?\", \"edit\": 0}"));
        id(post("carol", list + "/proposals/" + proposal + "/comments",
                "{\"text\": \"It is popular.\", \"replyTo\": \"" + question + "\"}"));
        assertProblem(post("bob", list + "/proposals/" + proposal + "/comments", "{\"text\": \"x\", \"edit\": 5}"), 400);

        answer.set(503);
        assertProblem(post("carol", list + "/proposals/" + proposal + "/request-changes", "{\"reason\": \"mine\"}"), 403);
        HttpResponse<String> sentBack = post("alice", list + "/proposals/" + proposal + "/request-changes",
                "{\"reason\": \"etcd is what we use\"}");
        assertThat(sentBack.statusCode()).as(sentBack.body()).isEqualTo(200);
        assertProblem(post("bob", list + "/proposals/" + proposal + "/approve", ""), 409);
        assertProblem(post("bob", list + "/proposals/" + proposal + "/revisions", "{\"edits\": []}"), 403);

        HttpResponse<String> amended = post("carol", list + "/proposals/" + proposal + "/revisions", """
                {"rationale": "etcd instead", "edits": [{"op": "addLink", "section": "s2", "title": "etcd", "url": "https://etcd.io",
                 "description": "A key-value store."}]}""");
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(201);

        answer.set(204);
        // the revisions' diff, like a version diff
        // eventually consistent: the query side has the new revision when it has projected it
        String diff = await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(
                        stack.queryUrl() + list + "/proposals/" + proposal + "/diff?from=1&to=2")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), r -> r.statusCode() == 200).body();
        assertThat(diff).contains("-- [Consul](https://consul.io) - A service mesh.", "+- [etcd](https://etcd.io) - A key-value store.");

        // approving the first revision is refused; alice's approval of the latest is recorded, and it waits
        assertProblem(post("alice", list + "/proposals/" + proposal + "/approve?revision=1", ""), 409);
        HttpResponse<String> first = post("alice", list + "/proposals/" + proposal + "/approve?revision=2", "");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("status").asString()).isEqualTo("submitted");
        assertThat(JSON.readTree(first.body()).get("approvals").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(first.body()).get("required").asInt()).isEqualTo(2);
        JsonNode waiting = await().atMost(Duration.ofSeconds(10)).until(
                () -> JSON.readTree(getString(list + "/proposals/" + proposal)), v -> v.at("/review/approvals").size() == 1);
        assertThat(waiting.at("/review/missing").asInt()).isEqualTo(1);
        assertThat(getString(list + "/markdown")).isEqualTo(markdown);

        assertThat(post("alice", list + "/proposals/" + proposal + "/comments/" + question + "/resolve", "").statusCode())
                .isEqualTo(200);
        HttpResponse<String> second = post("bob", list + "/proposals/" + proposal + "/approve", "");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).get("status").asString()).isEqualTo("approved");
        assertThat(JSON.readTree(second.body()).get("version").asLong()).isEqualTo(2);

        String after = await().atMost(Duration.ofSeconds(10)).until(() -> getString(list + "/markdown"), m -> m.contains("etcd"));
        assertThat(added(markdown, after)).containsExactly("- [etcd](https://etcd.io) - A key-value store.");
        JsonNode done = await().atMost(Duration.ofSeconds(10)).until(
                () -> JSON.readTree(getString(list + "/proposals/" + proposal)),
                v -> v.at("/proposal/status").asString("").equals("approved"));
        assertThat(done.get("activity").findValuesAsString("kind")).containsExactly("submitted", "comment", "comment",
                "changes_requested", "amended", "approval", "resolved", "approved");
        assertThat(done.at("/comments/0/resolvedBy").asString()).isEqualTo("alice");
        assertThat(done.get("revisions")).hasSize(2);

        // the list's stream delivered every step: read half, hang up, resume with Last-Event-ID
        List<String[]> firstHalf = stream(list + "/stream", null, 5);
        List<String[]> secondHalf = stream(list + "/stream", firstHalf.getLast()[0], 6);
        List<String[]> whole = new ArrayList<>(firstHalf);
        whole.addAll(secondHalf);
        assertThat(whole.stream().map(e -> e[1]).toList()).containsExactly("version", "settings", "settings", "proposal",
                "proposal", "proposal", "proposal", "proposal", "proposal", "proposal", "version");
        assertThat(whole.stream().map(e -> JSON.readTree(e[2]).path("type").asString("")).toList()).containsExactly("",
                "WebhookSubscribed", "ReviewPolicyChanged", "ProposalSubmitted", "ProposalCommented", "ProposalCommented", "ProposalChangesRequested",
                "ProposalAmended", "ProposalApprovalRecorded", "ProposalCommentResolved", "");
        List<Long> ids = whole.stream().map(e -> Long.parseLong(e[0])).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        JsonNode applied = JSON.readTree(whole.getLast()[2]);
        assertThat(applied.get("version").asLong()).isEqualTo(2);
        assertThat(applied.at("/entries/0/after/title").asString()).isEqualTo("etcd");

        // the webhook got every change after its subscription, once, in order, signed, also those
        // made while it answered 503 (the stream's changes from the policy on, and the subscription's own)
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= 9);
        receiver.stop(0);
        List<Long> sequences = delivered.stream().map(d -> Long.parseLong(d[0])).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        List<String> kinds = delivered.stream().map(d -> JSON.readTree(d[3]).path("type").asString("version")).toList();
        assertThat(kinds).containsExactly("ReviewPolicyChanged", "ProposalSubmitted", "ProposalCommented", "ProposalCommented",
                "ProposalChangesRequested", "ProposalAmended", "ProposalApprovalRecorded", "ProposalCommentResolved", "version");
        for (String[] d : delivered) {
            assertThat(d[2]).isEqualTo(signature(secret, d[1], d[3]));
        }
        assertThat(JSON.readTree(delivered.getLast()[3]).at("/entries/0/after/title").asString()).isEqualTo("etcd");
    }

    /** What a receiver computes to check a delivery: t=timestamp,v1=hex HMAC-SHA256 of "timestamp.body". */
    private static String signature(String secret, String timestamp, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + timestamp + ",v1=" + java.util.HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads {@code count} server-sent events (id, event, data) from the query service, then hangs up. */
    private static List<String[]> stream(String path, String lastEventId, int count) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.queryUrl() + path));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        List<String[]> events = new ArrayList<>();
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try (java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String[] event = new String[3];
                String line;
                while (events.size() < count && (line = lines.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        event[0] = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        event[1] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        event[2] = line.substring(5).strip();
                    } else if (line.isEmpty() && event[2] != null) {
                        events.add(event);
                        event = new String[3];
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        return events;
    }

    private static HttpResponse<String> put(String user, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + path))
                .header("Content-Type", "application/json").header("Authorization", signIn(user))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String editLink(long base, String entry, String title) {
        return "{\"baseVersion\": " + base + ", \"edits\": [{\"op\": \"editLink\", \"entry\": \"" + entry + "\", \"title\": \"" + title + "\"}]}";
    }

    static String awaitVersion(long version) throws Exception {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(
                () -> JSON.readTree(getString("/api/lists/" + LIST)).get("version").asLong() >= version);
        return getString("/api/lists/" + LIST + "/markdown");
    }

    private static List<String> added(String before, String after) {
        List<String> lines = new ArrayList<>(after.lines().toList());
        for (String line : before.lines().toList()) {
            lines.remove(line);
        }
        return lines;
    }

    private static List<String> topLevelTitles() throws Exception {
        List<String> titles = new ArrayList<>();
        JSON.readTree(getString("/api/lists/" + LIST)).get("sections").forEach(s -> titles.add(s.get("title").asString()));
        return titles;
    }

    private static String sectionId(String title) throws Exception {
        return find(JSON.readTree(getString("/api/lists/" + LIST)).get("sections"), title, true);
    }

    private static String entryId(String title) throws Exception {
        return find(JSON.readTree(getString("/api/lists/" + LIST)).get("sections"), title, false);
    }

    private static String find(JsonNode sections, String title, boolean section) {
        for (JsonNode s : sections) {
            if (section && s.get("title").asString().strip().equals(title)) {
                return s.get("id").asString();
            }
            if (!section) {
                for (JsonNode e : s.get("entries")) {
                    if (e.get("title").asString().equals(title)) {
                        return e.get("id").asString();
                    }
                }
            }
            String inner = find(s.get("sections"), title, section);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isNotBlank();
    }

    private static String getString(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.queryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static HttpResponse<String> post(String user, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.commandUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", signIn(user))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

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
 * Members per list on the real stack (issue 16), everyone signed in with a token from the local
 * OIDC issuer: alice owns the lists she imports; she makes bob a
 * curator of one and only a contributor of another; bob approves carol's proposal on the first
 * and is refused on the second; membership changes are in the list's audit history and stream.
 */
class MembersIT extends SeedListSession {

    @Test
    void bobCuratesOneListAndOnlyContributesToAnother() throws Exception {
        importList("team-a", "# Team A\n## Tools\n- [Kafka](https://kafka.apache.org) - A log.\n");
        importList("team-b", "# Team B\n## Tools\n- [Pulsar](https://pulsar.apache.org) - A log.\n");
        assertThat(put("alice", "/api/lists/team-a/members/bob", "{\"role\": \"curator\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> demoted = put("alice", "/api/lists/team-b/members/bob", "{\"role\": \"contributor\"}");
        assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);
        assertThat(JSON.readTree(demoted.body()).get("role").asString()).isEqualTo("contributor");

        String onA = propose("team-a", "NATS", "https://nats.io");
        String onB = propose("team-b", "RabbitMQ", "https://www.rabbitmq.com");
        HttpResponse<String> approved = post("bob", "/api/lists/team-a/proposals/" + onA + "/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        HttpResponse<String> refused = post("bob", "/api/lists/team-b/proposals/" + onB + "/approve", "");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("detail").asString())
                .isEqualTo("bob is a contributor of this list; to approve a proposal needs a curator (an owner of the list can grant it)");
        // a curator is no owner: bob cannot hand out roles on team-a, nor take alice's away
        assertThat(put("bob", "/api/lists/team-a/members/carol", "{\"role\": \"curator\"}").statusCode()).isEqualTo(403);
        assertThat(delete("alice", "/api/lists/team-a/members/alice").statusCode()).isEqualTo(409);
        // but as a contributor of team-b, bob may still propose there
        propose("team-b", "ZeroMQ", "https://zeromq.org", "bob");

        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(get("/api/lists/team-b/members").body())
                .get("changes").size() == 1);
        JsonNode members = JSON.readTree(get("/api/lists/team-b/members").body());
        List<String> roles = new ArrayList<>();
        members.get("members").forEach(m -> roles.add(m.get("member").asString() + ":" + m.get("role").asString()));
        assertThat(roles).containsExactly("alice:owner", "bob:contributor");
        assertThat(members.at("/changes/0/summary").asString()).isEqualTo("alice made bob a contributor of the list");
        assertThat(members.at("/changes/0/actor").asString()).isEqualTo("alice");
        // and the list's stream carries the change as a settings change, resumable like the rest
        StringBuilder stream = new StringBuilder();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.queryUrl() + "/api/lists/team-b/stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream()).body(), StandardCharsets.UTF_8))) {
            java.util.concurrent.CompletableFuture.runAsync(() -> lines.lines()
                    .takeWhile(line -> !line.contains("MemberRoleSet")).forEach(stream::append))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(stream.toString()).contains("event:settings");

        // alice takes the restriction away: bob's global role (a curator of every list) counts again
        assertThat(delete("alice", "/api/lists/team-b/members/bob").statusCode()).isEqualTo(204);
        HttpResponse<String> now = post("bob", "/api/lists/team-b/proposals/" + onB + "/approve", "");
        assertThat(now.statusCode()).as(now.body()).isEqualTo(200);
    }

    private static void importList(String slug, String markdown) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists?slug=" + slug))
                .header("Content-Type", "text/markdown").header("Authorization", signIn("alice"))
                .POST(HttpRequest.BodyPublishers.ofString(markdown)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String propose(String slug, String title, String url) throws Exception {
        return propose(slug, title, url, "carol");
    }

    private static String propose(String slug, String title, String url, String user) throws Exception {
        HttpResponse<String> response = post(user, "/api/lists/" + slug + "/proposals", "{\"edits\": [{\"op\": \"addLink\", "
                + "\"section\": \"s2\", \"title\": \"" + title + "\", \"url\": \"" + url + "\", \"description\": \"Messaging.\"}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static HttpResponse<String> put(String user, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + path))
                .header("Content-Type", "application/json").header("Authorization", signIn(user))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> delete(String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + path))
                .header("Authorization", signIn(user)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }
}

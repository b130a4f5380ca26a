package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Undo on the real stack (issue 17): a topic removed with its entries and sub-topics comes back
 * byte for byte with its ids and history; a range of versions and one person's latest versions are
 * undone as one version each, and refused with 409 when someone else changed their items since.
 */
class RevertIT extends SeedListSession {

    @Test
    void whateverWasDoneCanBeUndoneExactly() throws Exception {
        JsonNode structure = JSON.readTree(get("/api/lists/" + LIST).body());
        String microservices = find(structure.get("sections"), "微服务架构");
        String loadTesting = find(structure.get("sections"), "压测工具");
        String eureka = entry("eureka", "Euraka");
        String cap = entry("CAP", "CAP");
        String original = new String(seed, StandardCharsets.UTF_8);
        assertThat(original).contains("[Euraka](https://github.com/Netflix/eureka)");

        // a topic with entries, text and sub-topics goes, and comes back exactly, ids and all
        edit("alice", "{\"edits\": [{\"op\": \"removeSection\", \"section\": \"" + microservices + "\", \"withContent\": true}]}");
        assertThat(awaitVersion(2)).doesNotContain("Euraka").doesNotContain("服务注册与发现");
        HttpResponse<String> revert = post("bob", "/api/lists/" + LIST + "/reverts", "{\"version\": 2}");
        assertThat(revert.statusCode()).as(revert.body()).isEqualTo(200);
        assertThat(JSON.readTree(revert.body()).get("version").asLong()).isEqualTo(3);
        assertThat(awaitVersion(3)).isEqualTo(original);
        assertThat(entry("eureka", "Euraka")).isEqualTo(eureka);
        assertThat(find(JSON.readTree(get("/api/lists/" + LIST).body()).get("sections"), "微服务架构")).isEqualTo(microservices);
        JsonNode eurekaHistory = JSON.readTree(get("/api/lists/" + LIST + "/entries/" + eureka + "/history").body()).get("items");
        List<Long> versions = new ArrayList<>();
        eurekaHistory.forEach(i -> versions.add(i.get("version").asLong()));
        assertThat(versions).containsExactly(3L, 2L, 1L);
        assertThat(eurekaHistory.get(0).toString()).contains("restored section 微服务架构");
        JsonNode latest = JSON.readTree(get("/api/lists/" + LIST + "/history?size=1").body()).get("items").get(0);
        assertThat(latest.get("kind").asString()).isEqualTo("revert");
        assertThat(latest.get("summary").asString()).startsWith("bob reverted version 2");

        // a range: alice's two versions undone as one; bob's version between them and after stays
        edit("alice", "{\"edits\": [{\"op\": \"editLink\", \"entry\": \"" + eureka + "\", \"title\": \"Eureka\"}]}");
        edit("alice", "{\"edits\": [{\"op\": \"addLink\", \"section\": \"" + microservices
                + "\", \"title\": \"Istio\", \"url\": \"https://istio.io\", \"description\": \"A service mesh.\"}]}");
        edit("bob", "{\"edits\": [{\"op\": \"editLink\", \"entry\": \"" + cap + "\", \"title\": \"CAP theorem\"}]}");
        String v6 = awaitVersion(6);
        HttpResponse<String> range = post("alice", "/api/lists/" + LIST + "/reverts", "{\"version\": 4, \"throughVersion\": 5}");
        assertThat(range.statusCode()).as(range.body()).isEqualTo(200);
        assertThat(awaitVersion(7)).isEqualTo(original.replace(line(original, "[CAP]("), line(v6, "[CAP theorem](")));
        HttpResponse<String> again = post("alice", "/api/lists/" + LIST + "/reverts", "{\"version\": 4, \"throughVersion\": 5}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains(eureka);

        // a rollback: bob's latest run (versions 8 and 9), while alice's later version elsewhere stays
        String v7 = awaitVersion(7);
        edit("bob", "{\"edits\": [{\"op\": \"editLink\", \"entry\": \"" + eureka + "\", \"title\": \"Eureka (Netflix)\"}]}");
        edit("bob", "{\"edits\": [{\"op\": \"removeSection\", \"section\": \"" + loadTesting + "\", \"withContent\": true}]}");
        edit("alice", "{\"edits\": [{\"op\": \"editLink\", \"entry\": \"" + cap + "\", \"title\": \"CAP\"}]}");
        String v10 = awaitVersion(10);
        HttpResponse<String> forbidden = post("carol", "/api/lists/" + LIST + "/rollbacks", "{\"actor\": \"bob\"}");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        HttpResponse<String> rollback = post("alice", "/api/lists/" + LIST + "/rollbacks", "{\"actor\": \"bob\"}");
        assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(200);
        JsonNode rolled = JSON.readTree(rollback.body());
        assertThat(rolled.get("reverted").asLong()).isEqualTo(8);
        assertThat(rolled.get("through").asLong()).isEqualTo(9);
        assertThat(awaitVersion(11)).isEqualTo(v7.replace(line(v7, "[CAP theorem]("), line(v10, "[CAP](")));
        latest = JSON.readTree(get("/api/lists/" + LIST + "/history?size=1").body()).get("items").get(0);
        assertThat(latest.get("summary").asString()).startsWith("alice rolled back bob's versions 8-9");

        // someone else changed bob's item since: refused, naming it; nothing applied
        edit("bob", "{\"edits\": [{\"op\": \"editLink\", \"entry\": \"" + cap + "\", \"title\": \"CAP!\"}]}");
        String v12 = awaitVersion(12);
        edit("alice", "{\"edits\": [{\"op\": \"editLink\", \"entry\": \"" + cap + "\", \"title\": \"CAP\"}]}");
        String v13 = awaitVersion(13);
        HttpResponse<String> clash = post("alice", "/api/lists/" + LIST + "/rollbacks", "{\"actor\": \"bob\"}");
        assertThat(clash.statusCode()).as(clash.body()).isEqualTo(409);
        assertThat(clash.body()).contains(cap);
        assertThat(post("alice", "/api/lists/" + LIST + "/rollbacks", "{\"actor\": \"dave\"}").statusCode()).isEqualTo(409);
        assertThat(post("alice", "/api/lists/" + LIST + "/reverts", "{\"version\": 1}").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(get("/api/lists/" + LIST).body()).get("version").asLong()).isEqualTo(13);
        assertThat(new String(get("/api/lists/" + LIST + "/markdown").body(), StandardCharsets.UTF_8)).isEqualTo(v13);

        // a contributor proposes undoing alice's last version; the preview shows it; a curator's approval applies it
        HttpResponse<String> proposed = post("carol", "/api/lists/" + LIST + "/proposals",
                "{\"rationale\": \"CAP! was better\", \"edits\": [{\"op\": \"revert\", \"version\": 13}]}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String proposal = JSON.readTree(proposed.body()).get("id").asString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> get("/api/lists/" + LIST + "/proposals/" + proposal).statusCode() == 200);
        JsonNode view = JSON.readTree(get("/api/lists/" + LIST + "/proposals/" + proposal).body());
        assertThat(view.has("preview")).as(view.toString()).isTrue();
        assertThat(view.get("preview").asString()).contains("+" + line(v12, "[CAP!](")).contains("-" + line(v13, "[CAP]("));
        HttpResponse<String> approved = post("bob", "/api/lists/" + LIST + "/proposals/" + proposal + "/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(awaitVersion(14)).isEqualTo(v12);
    }

    /** The id of the entry titled {@code title} that a search for {@code query} finds. */
    private static String entry(String query, String title) throws Exception {
        JsonNode hits = JSON.readTree(get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).body()).get("items");
        for (JsonNode hit : hits) {
            if (hit.get("title").asString().equals(title)) {
                return hit.get("entry").asString();
            }
        }
        throw new AssertionError("no entry " + title + " in " + hits);
    }

    private static String line(String markdown, String containing) {
        return markdown.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow();
    }
}

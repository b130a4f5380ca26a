package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who changed what, when and why, on the real stack: history, time travel, diffs, entry history, blame, revert, feed. */
class HistoryIT extends SeedListSession {

    @Test
    void theStoryOfALink() throws Exception {
        JsonNode structure = JSON.readTree(get("/api/lists/" + LIST).body());
        String tools = find(structure.get("sections"), "工具");
        String discovery = find(structure.get("sections"), "服务注册与发现");
        List<String> served = new ArrayList<>(List.of("", new String(seed, StandardCharsets.UTF_8)));

        edit("alice", "{\"rationale\": \"a registry\", \"edits\": [{\"op\": \"addLink\", \"section\": \"" + tools
                + "\", \"title\": \"Nacos\", \"url\": \"https://nacos.io\"}]}");
        served.add(awaitVersion(2));
        String nacos = JSON.readTree(get("/api/search?q=nacos").body()).get("items").get(0).get("entry").asString();
        edit("bob", "{\"edits\": [{\"op\": \"moveLink\", \"entry\": \"" + nacos + "\", \"section\": \"" + discovery + "\"}]}");
        served.add(awaitVersion(3));
        edit("bob", "{\"rationale\": \"official name\", \"edits\": [{\"op\": \"editLink\", \"entry\": \"" + nacos
                + "\", \"title\": \"Nacos Registry\"}]}");
        served.add(awaitVersion(4));

        // history: the import and the three changes, newest first, with actors and sentences
        JsonNode history = JSON.readTree(get("/api/lists/" + LIST + "/history").body());
        List<JsonNode> items = new ArrayList<>();
        history.get("items").forEach(items::add);
        assertThat(items).extracting(i -> i.get("version").asLong()).containsExactly(4L, 3L, 2L, 1L);
        assertThat(items).extracting(i -> i.get("actor").asString()).containsExactly("bob", "bob", "alice", "alice");
        assertThat(items).extracting(i -> i.get("kind").asString()).containsExactly("edit", "edit", "edit", "import");
        assertThat(items.get(2).get("summary").asString()).isEqualTo("alice added [Nacos](https://nacos.io) to 工具");
        assertThat(items.get(2).get("rationale").asString()).isEqualTo("a registry");
        assertThat(items.get(1).get("summary").asString())
                .isEqualTo("bob moved [Nacos](https://nacos.io) from 工具 to 服务注册与发现");
        assertThat(items.get(0).get("summary").asString()).contains("title to Nacos Registry");
        assertThat(items.get(0).get("eventIds")).isNotEmpty();
        JsonNode page = JSON.readTree(get("/api/lists/" + LIST + "/history?size=2&actor=bob").body());
        assertThat(page.get("items")).hasSize(2);
        assertThat(JSON.readTree(get("/api/lists/" + LIST + "/history?size=1&actor=bob").body()).get("next").asString())
                .contains("page=1");

        // time travel: each version's bytes as they were served; the import is the seed
        assertThat(get("/api/lists/" + LIST + "/markdown?version=1").body()).isEqualTo(seed);
        for (int v = 2; v <= 4; v++) {
            assertThat(new String(get("/api/lists/" + LIST + "/markdown?version=" + v).body(), StandardCharsets.UTF_8))
                    .isEqualTo(served.get(v));
        }
        String v2Time = items.get(2).get("timestamp").asString();
        assertThat(new String(get("/api/lists/" + LIST + "/markdown?at=" + v2Time).body(), StandardCharsets.UTF_8))
                .isEqualTo(served.get(2));
        HttpResponse<byte[]> unknown = get("/api/lists/" + LIST + "/markdown?version=99");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // diffs: the first change is one added line; structurally, one entry added
        String diff = new String(get("/api/lists/" + LIST + "/diff?from=1&to=2", "text/x-diff").body(), StandardCharsets.UTF_8);
        assertThat(diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++"))).containsExactly("+- [Nacos](https://nacos.io)");
        assertThat(diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---"))).isEmpty();
        JsonNode structural = JSON.readTree(get("/api/lists/" + LIST + "/diff?from=1&to=4", "application/json").body());
        assertThat(structural.get("entries")).hasSize(1);
        assertThat(structural.get("entries").get(0).get("change").asString()).isEqualTo("ADDED");
        assertThat(structural.get("entries").get(0).get("after").get("section").asString()).isEqualTo(discovery);

        // the entry's history follows it across the move
        JsonNode entryHistory = JSON.readTree(get("/api/lists/" + LIST + "/entries/" + nacos + "/history").body());
        List<Long> versions = new ArrayList<>();
        entryHistory.get("items").forEach(i -> versions.add(i.get("version").asLong()));
        assertThat(versions).containsExactly(4L, 3L, 2L);

        // reverting the title edit gives back the text of the version before it
        HttpResponse<String> revert = post("alice", "/api/lists/" + LIST + "/reverts", "{\"version\": 4}");
        assertThat(revert.statusCode()).as(revert.body()).isEqualTo(200);
        assertThat(awaitVersion(5)).isEqualTo(served.get(3));
        JsonNode latest = JSON.readTree(get("/api/lists/" + LIST + "/history?size=1").body()).get("items").get(0);
        assertThat(latest.get("kind").asString()).isEqualTo("revert");
        assertThat(latest.get("summary").asString()).startsWith("alice reverted version 4");

        // blame: the link's line was last touched by the revert
        JsonNode blame = JSON.readTree(get("/api/lists/" + LIST + "/blame").body());
        JsonNode line = null;
        for (JsonNode l : blame.get("items")) {
            if (l.get("text").asString().contains("Nacos")) {
                line = l;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("version").asLong()).isEqualTo(5);
        assertThat(line.get("actor").asString()).isEqualTo("alice");
        assertThat(blame.get("items").get(0).get("version").asLong()).isEqualTo(1);
        assertThat(blame.get("items")).hasSize((int) served.get(3).lines().count());

        // the Atom feed parses and names the new link
        String atom = new String(get("/api/lists/" + LIST + "/feed.atom").body(), StandardCharsets.UTF_8);
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).hasSize(5);
        assertThat(feed.getEntries()).anySatisfy(e -> assertThat(e.getTitle()).contains("[Nacos](https://nacos.io)"));
    }
}

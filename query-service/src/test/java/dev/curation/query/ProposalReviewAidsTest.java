package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import dev.curation.embedded.ScriptedSite;
import dev.curation.embedded.ScriptedSite.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a reviewer needs beside the diff, in the proposal view: each lint problem placed under the
 * edit it comes from, and the health of the URLs the proposal adds or changes, which the link
 * checker checks while the proposal is open (against a local scripted site, as LinkHealthTest)
 * without the link bot ever proposing a fix for a URL that is only in a proposal.
 */
class ProposalReviewAidsTest extends KafkaFedTest {

    private ScriptedSite site;

    @BeforeEach
    void startSite() {
        site = ScriptedSite.start("127.0.0.1");
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private static EditSpec addLink(String section, String title, String url, String description) {
        return new EditSpec("addLink", section, null, null, null, null, title, url, description, null, null);
    }

    private static EditSpec editLink(String entry, String url, String description) {
        return new EditSpec("editLink", null, entry, null, null, null, null, url, description, null, null);
    }

    /** The proposal's view, once the projection has it. */
    private JsonNode proposal(String slug, String id) throws Exception {
        String path = "/api/lists/" + slug + "/proposals/" + id;
        await().atMost(Duration.ofSeconds(30)).until(() -> get(path).statusCode() == 200);
        return getJson(path);
    }

    @Test
    void eachLintProblemNamesTheEditItComesFromWhenOneMakesItsItem() throws Exception {
        String listId = UUID.randomUUID().toString();
        int events = importList(listId, "aids-lint", """
                # Edits
                ## One
                - [A](https://a.example) - A.
                ## Two
                - [B](https://b.example) - B.
                """).size();
        JsonNode structure = getJson("/api/lists/aids-lint");
        String one = structure.at("/sections/0/sections/0/id").asString();
        String a = structure.at("/sections/0/sections/0/entries/0/id").asString();
        String two = structure.at("/sections/0/sections/1/id").asString();
        String b = structure.at("/sections/0/sections/1/entries/0/id").asString();
        List<EditSpec> edits = List.of(
                editLink(b, null, "no capital"), // problems on an entry the list has
                addLink(two, "C", "https://c.example", "lower case"), // problems on an entry it adds
                new EditSpec("removeLink", null, a, null, null, null, null, null, null, null, null)); // an empty topic
        publish(listId, 1, events, List.of(new ProposalSubmitted(listId, "p-aids-lint", 1, "why", edits, "carol")), 0, 1, false);
        JsonNode detail = proposal("aids-lint", "p-aids-lint");

        Map<String, List<String>> byEdit = new HashMap<>();
        for (JsonNode problem : detail.get("lint")) {
            String edit = problem.has("edit") ? Integer.toString(problem.get("edit").asInt()) : "none";
            byEdit.computeIfAbsent(edit, k -> new ArrayList<>()).add(problem.get("rule").asString() + "@"
                    + problem.path("item").asString(""));
        }
        assertThat(byEdit.get("0")).containsExactlyInAnyOrder("description-capital@" + b, "description-punctuation@" + b);
        assertThat(byEdit.get("1")).hasSize(2).allSatisfy(p -> assertThat(p).doesNotEndWith("@" + b));
        assertThat(byEdit.get("1")).extracting(p -> p.substring(0, p.indexOf('@')))
                .containsExactlyInAnyOrder("description-capital", "description-punctuation");
        // the topic is emptied by removing its link, but no edit makes the topic: no edit to name
        assertThat(byEdit.get("none")).containsExactly("empty-section@" + one);
        assertThat(byEdit).doesNotContainKey("2");
        // the list's own lint report has no edits
        assertThat(getJson("/api/lists/aids-lint/lint").get("problems").findValues("edit")).isEmpty();
    }

    @Test
    void theUrlsAProposalAddsAreCheckedWhileItIsOpenAndShownWithTheirHealth() throws Exception {
        site.script("/listed", Reply.status(200));
        site.script("/added", Reply.status(200));
        site.script("/changed", Reply.redirect(301, "/listed"));
        site.script("/gone", Reply.status(404));
        for (int i = 0; i < 21; i++) {
            site.script("/many/" + i, Reply.status(200));
        }
        String listId = UUID.randomUUID().toString();
        int events = importList(listId, "aids-links", """
                # Links
                ## Pages
                - [Listed](%s) - In the list.
                - [Other](https://example.org/other) - Excluded in tests.
                """.formatted(site.url("/listed"))).size();
        JsonNode structure = getJson("/api/lists/aids-links");
        String pages = structure.at("/sections/0/sections/0/id").asString();
        String other = structure.at("/sections/0/sections/0/entries/1/id").asString();
        List<EditSpec> edits = List.of(
                addLink(pages, "Added", site.url("/added"), "New."),
                new EditSpec("renameSection", pages, null, null, null, null, "Web pages", null, null, null, null),
                editLink(other, site.url("/changed"), null),
                addLink(pages, "Gone", site.url("/gone"), "Not there."),
                addLink(pages, "Mail", "mailto:someone@example.org", "Not checked."));
        publish(listId, 1, events, List.of(new ProposalSubmitted(listId, "p-aids-links", 1, "why", edits, "carol")), 0, 1, false);

        JsonNode detail = await().atMost(Duration.ofSeconds(30)).until(() -> proposal("aids-links", "p-aids-links"),
                d -> d.get("links").findValuesAsString("status").equals(List.of("ok", "redirected", "dead")));
        JsonNode links = detail.get("links");
        assertThat(links.findValues("edit")).extracting(JsonNode::asInt).containsExactly(0, 2, 3);
        assertThat(links.findValuesAsString("url")).containsExactly(site.url("/added"), site.url("/changed"), site.url("/gone"));
        assertThat(links.get(0).propertyNames()).containsExactly("edit", "url", "status", "checkedAt", "httpStatus");
        assertThat(links.at("/0/httpStatus").asInt()).isEqualTo(200);
        assertThat(links.at("/2/httpStatus").asInt()).isEqualTo(404);
        assertThat(links.at("/0/checkedAt").asString()).isNotBlank();
        // a URL only a proposal has makes no entry health and no fix by the link bot, dead or moved
        assertThat(jdbc.sql("SELECT count(*) FROM link_proposal WHERE url IN (?, ?)").params(site.url("/gone"), site.url("/changed"))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM entry_link_health WHERE list_id = ?").param(listId).query(Long.class).single())
                .isZero();
        assertThat(getJson("/api/lists/aids-links/links").at("/counts/dead").isMissingNode()).isTrue();

        // at most 20 URLs of a proposal are checked: the 21st stays unchecked
        List<EditSpec> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(addLink(pages, "Many " + i, site.url("/many/" + i), "One of many."));
        }
        publish(listId, 1, events + 1, List.of(new ProposalSubmitted(listId, "p-aids-many", 1, "bulk", many, "carol")), 0, 1,
                false);
        JsonNode bulk = await().atMost(Duration.ofSeconds(30)).until(() -> proposal("aids-links", "p-aids-many"),
                d -> d.get("links").findValuesAsString("status").stream().filter("ok"::equals).count() == 20);
        assertThat(bulk.at("/links/20/status").asString()).isEqualTo("unchecked");
        assertThat(bulk.at("/links/20/checkedAt").isNull()).isTrue();
        assertThat(site.requests()).noneMatch(r -> r.path().equals("/many/20"));

        // withdrawn, its URLs are no longer checked; the view still shows what is known of them
        publish(listId, 1, events + 2, List.of(new ProposalWithdrawn(listId, "p-aids-many", "carol")), 0, 1, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> proposal("aids-links", "p-aids-many").at("/proposal/status")
                .asString().equals("withdrawn"));
        assertThat(proposal("aids-links", "p-aids-many").at("/links/0/status").asString()).isEqualTo("ok");
    }
}

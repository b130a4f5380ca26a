package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ProposalSubmitted;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The list endpoints that grow with the data (a list's links, its proposals, search) answer in
 * bounded pages: following {@code next} (and the {@code Link rel="next"} header, which names the
 * same page) gives every item exactly once, in the order of the unpaged answer; a limit over the
 * maximum, or an offset out of range, is a 400 naming the parameter and its range.
 */
class PagingTest extends KafkaFedTest {

    private static final int LINKS = 7;
    private static final int PROPOSALS = 5;

    @Test
    void followingNextGivesEveryItemExactlyOnce() throws Exception {
        String listId = UUID.randomUUID().toString();
        StringBuilder markdown = new StringBuilder("# Paged\n");
        for (int i = 0; i < LINKS; i++) {
            markdown.append("- [Zqpaged ").append(i).append("](https://paged.example/").append(i).append(") - Paged.\n");
        }
        List<ListEvent> imported = importList(listId, "paged", markdown.toString());
        List<ListEvent> submitted = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            // proposal ids are unique across lists (the shared topic and database hold other tests' p1, p2, ...)
            submitted.add(new ProposalSubmitted(listId, "paged-p" + i, 1, "why " + i, List.of(new EditSpec("addSection", null, null,
                    null, null, null, "Proposed " + i, null, null, null, null)), "carol"));
        }
        publish(listId, 1, imported.size(), submitted, 0, PROPOSALS, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/lists/paged/proposals").get("items").size() == PROPOSALS);

        assertPagesAreTheWhole("/api/lists/paged/links", "links", LINKS, link -> link.get("entry").asString());
        assertPagesAreTheWhole("/api/lists/paged/proposals", "items", PROPOSALS, proposal -> proposal.get("id").asString());
        assertPagesAreTheWhole("/api/search?q=zqpaged", "items", LINKS, hit -> hit.get("entry").asString());
        // the filter stays on every page
        assertPagesAreTheWhole("/api/lists/paged/proposals?status=submitted", "items", PROPOSALS,
                proposal -> proposal.get("id").asString());
        // counts are of all the links, whatever the page
        assertThat(getJson("/api/lists/paged/links?limit=1").at("/counts").properties().stream()
                .mapToLong(count -> count.getValue().asLong()).sum()).isEqualTo(LINKS);
    }

    @Test
    void aLimitOverTheMaximumOrAnOffsetOutOfRangeIsRefused() throws Exception {
        importList(UUID.randomUUID().toString(), "paged-limits", "# Limits\n- [One](https://one.example)\n");
        for (String path : List.of("/api/lists/paged-limits/links", "/api/lists/paged-limits/proposals", "/api/search?q=one")) {
            String join = path.contains("?") ? "&" : "?";
            assertProblem(get(path + join + "limit=201"), 400, "limit must be between 1 and 200", "201");
            assertProblem(get(path + join + "limit=0"), 400, "limit", "200");
            assertProblem(get(path + join + "offset=-1"), 400, "offset must be between 0 and 1000000");
            assertThat(get(path + join + "limit=200").statusCode()).as(path).isEqualTo(200);
        }
    }

    /**
     * Reads {@code path} in pages of 2 by following {@code next}, checks each page's Link header
     * names the same next page and the last has none, and compares with one page holding all.
     */
    private void assertPagesAreTheWhole(String path, String field, int total, Function<JsonNode, String> key) throws Exception {
        List<String> whole = keys(getJson(path + (path.contains("?") ? "&" : "?") + "limit=200"), field, key);
        assertThat(whole).as(path).hasSize(total).doesNotHaveDuplicates();

        List<String> paged = new ArrayList<>();
        String next = path + (path.contains("?") ? "&" : "?") + "limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<byte[]> response = get(next);
            assertThat(response.statusCode()).as(next).isEqualTo(200);
            JsonNode page = json.readTree(response.body());
            assertThat(page.get(field).size()).as(next).isBetween(1, 2);
            paged.addAll(keys(page, field, key));
            JsonNode link = page.get("next");
            if (link.isNull()) {
                assertThat(response.headers().firstValue("Link")).as(next).isEmpty();
                next = null;
            } else {
                assertThat(response.headers().firstValue("Link")).as(next).hasValue("<" + link.asString() + ">; rel=\"next\"");
                URI uri = URI.create(link.asString());
                next = uri.getRawPath() + "?" + uri.getRawQuery();
            }
            pages++;
        }
        assertThat(pages).as(path).isEqualTo((total + 1) / 2);
        assertThat(paged).as(path).containsExactlyElementsOf(whole);
    }

    private static List<String> keys(JsonNode page, String field, Function<JsonNode, String> key) {
        List<String> keys = new ArrayList<>();
        page.get(field).forEach(item -> keys.add(key.apply(item)));
        return keys;
    }
}

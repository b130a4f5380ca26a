package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ProposalSubmitted;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Diffs, previews and blame stay cheap whatever versions a client picks: a unified diff whose
 * changed region exceeds the budget ({@value KafkaFedTest#MAX_DIFF_LINES} lines here) is refused
 * with a 422 pointing at the structural diff, and a proposal's preview says why it has none.
 */
class ExpensiveReadsTest extends KafkaFedTest {

    /** A topic of 60 links (more lines than the budget) and a small one. */
    private static String markdown() {
        StringBuilder markdown = new StringBuilder("# Big\n");
        for (int i = 0; i < 60; i++) {
            markdown.append("- [link ").append(i).append("](https://example.com/").append(i).append(")\n");
        }
        return markdown.append("# Small\n- [kept](https://kept.example)\n").toString();
    }

    @Test
    void aDiffOverTheBudgetIsRefusedWithTheStructuralAlternative() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = markdown();
        List<ListEvent> imported = importList(listId, "big-diff", markdown);
        ListDocument document = read(markdown);
        String big = document.sections().get(0).id();
        String small = document.sections().get(1).id();
        int removal = applyEdits(listId, "big-diff", document, 2, imported.size(), new Edit.RemoveSection(big, true));
        applyEdits(listId, "big-diff", document, 3, imported.size() + removal,
                new Edit.AddLink(small, null, "added", "https://added.example", null));

        for (int round = 0; round < 2; round++) { // the second answer comes from the cache, refusal included
            assertProblem(get("/api/lists/big-diff/diff?from=1&to=2", "Accept", "text/x-diff"), 422,
                    "61 lines", "more than the " + MAX_DIFF_LINES, "Accept: application/json");
        }
        JsonNode structural = json.readTree(get("/api/lists/big-diff/diff?from=1&to=2", "Accept", "application/json").body());
        assertThat(structural.get("entries")).hasSize(60);
        assertThat(structural.get("sections")).hasSize(1);

        // a small change deep in the list: only its region is compared, with context from the whole text
        String diff = new String(get("/api/lists/big-diff/diff?from=2&to=3", "Accept", "text/x-diff").body(),
                StandardCharsets.UTF_8);
        assertThat(diff).isEqualTo("""
                --- a/big-diff.md
                +++ b/big-diff.md
                @@ -1,2 +1,3 @@
                 # Small
                 - [kept](https://kept.example)
                +- [added](https://added.example)
                """);
        assertThat(get("/api/lists/big-diff/diff?from=3&to=3", "Accept", "text/x-diff").body()).isEmpty();

        JsonNode blame = getJson("/api/lists/big-diff/blame").get("items");
        assertThat(blame).hasSize(3);
        assertThat(blame.get(2).get("version").asLong()).isEqualTo(3);
        assertThat(getJson("/api/lists/big-diff/blame").get("items")).isEqualTo(blame);
    }

    @Test
    void aPreviewOverTheBudgetSaysWhyItHasNone() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = markdown();
        List<ListEvent> imported = importList(listId, "big-preview", markdown);
        ListDocument document = read(markdown);
        EditSpec removeBig = new EditSpec("removeSection", document.sections().get(0).id(), null, null, null, null, null,
                null, null, null, true);
        EditSpec addLink = new EditSpec("addLink", document.sections().get(1).id(), null, null, null, null, "new",
                "https://new.example", null, null, null);
        publish(listId, 1, imported.size(), List.of(
                new ProposalSubmitted(listId, "p-big", 1, "too much", List.of(removeBig), "carol"),
                new ProposalSubmitted(listId, "p-small", 1, "one link", List.of(addLink), "carol")), 0, 2, false);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> get("/api/lists/big-preview/proposals/p-small").statusCode() == 200);

        for (int round = 0; round < 2; round++) {
            JsonNode tooBig = getJson("/api/lists/big-preview/proposals/p-big");
            assertThat(tooBig.get("preview").isNull()).isTrue();
            assertThat(tooBig.get("previewError").asString()).contains("61 changed lines", "more than the " + MAX_DIFF_LINES);
            JsonNode small = getJson("/api/lists/big-preview/proposals/p-small");
            assertThat(small.get("preview").asString()).endsWith(" - [kept](https://kept.example)\n+- [new](https://new.example)\n");
            assertThat(small.get("previewError").isNull()).isTrue();
        }
    }
}

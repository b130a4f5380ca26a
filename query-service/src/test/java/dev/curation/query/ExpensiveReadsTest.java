package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.query.history.ReadGate;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Diffs, previews and blame stay cheap whatever versions a client picks: a unified diff whose
 * changed region exceeds the budget ({@value KafkaFedTest#MAX_DIFF_LINES} lines here) is refused
 * with a 422 pointing at the structural diff, and a proposal's preview says why it has none. Every
 * read that folds a past version (lint, Markdown) and every search too short for the trigram index
 * waits for the read gate as diffs and blame do.
 */
class ExpensiveReadsTest extends KafkaFedTest {

    @Autowired
    ReadGate gate;
    @Value("${curation.query.max-expensive-reads:4}")
    int permits;

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

    @Test
    void pastVersionsAndShortSearchesWaitForTheReadGate() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = "# Gated\n## A\n- [Gate keeper](https://gate.example) - Keeps.\n";
        List<ListEvent> imported = importList(listId, "gated-reads", markdown);
        ListDocument document = read(markdown);
        applyEdits(listId, "gated-reads", document, 2, imported.size(),
                new Edit.AddLink(document.sections().getFirst().sections().getFirst().id(), null, "Second", "https://second.example", null));

        try (Held held = hold()) {
            assertThat(held.release().getCount()).as("the gate is held").isEqualTo(1);
            // a past version not yet kept, and a search the trigram index cannot serve: refused while the gate is full
            assertBusy(get("/api/lists/gated-reads/lint?version=1"));
            assertBusy(get("/api/lists/gated-reads/markdown?version=1"));
            assertBusy(get("/api/lists/gated-reads?version=1"));
            assertBusy(get("/api/search?q=ga"));
            assertBusy(get("/api/search?q=%E6%9C%8D"));
            // the current version and a longer search are cheap and answered
            assertThat(get("/api/lists/gated-reads/lint").statusCode()).isEqualTo(200);
            assertThat(get("/api/lists/gated-reads/markdown").statusCode()).isEqualTo(200);
            assertThat(get("/api/lists/gated-reads?version=2").statusCode()).isEqualTo(200);
            assertThat(getJson("/api/search?q=gate%20keeper").get("items")).hasSize(1);
        }
        assertThat(getJson("/api/lists/gated-reads/lint?version=1").get("version").asLong()).isEqualTo(1);
        assertThat(new String(get("/api/lists/gated-reads/markdown?version=1").body(), StandardCharsets.UTF_8)).isEqualTo(markdown);
        assertThat(getJson("/api/lists/gated-reads?version=1").get("version").asLong()).isEqualTo(1);
        assertThat(getJson("/api/search?q=ga").get("items")).isNotEmpty();
        try (Held held = hold()) {
            assertThat(held.release().getCount()).as("the gate is held").isEqualTo(1);
            // once computed, a past version is kept and needs no permit
            assertThat(get("/api/lists/gated-reads/lint?version=1").statusCode()).isEqualTo(200);
            assertThat(get("/api/lists/gated-reads/markdown?version=1").statusCode()).isEqualTo(200);
            assertThat(get("/api/lists/gated-reads?version=1").statusCode()).isEqualTo(200);
        }
    }

    private void assertBusy(HttpResponse<byte[]> response) {
        assertProblem(response, 503, "too many expensive reads", "short searches");
        assertThat(response.headers().firstValue("Retry-After")).hasValue(Integer.toString(ReadGate.Busy.RETRY_AFTER));
    }

    /** Every permit of the read gate, taken until closed. */
    private Held hold() throws InterruptedException {
        CountDownLatch taken = new CountDownLatch(permits);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(permits);
        for (int i = 0; i < permits; i++) {
            holders.submit(() -> gate.run(() -> {
                taken.countDown();
                try {
                    return release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
        }
        assertThat(taken.await(30, TimeUnit.SECONDS)).as("every permit taken").isTrue();
        return new Held(release, holders);
    }

    private record Held(CountDownLatch release, ExecutorService holders) implements AutoCloseable {

        @Override
        public void close() {
            release.countDown();
            holders.shutdown();
            try {
                assertThat(holders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while the gate's holders let go", e);
            }
        }
    }
}

package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ProposalAmended;
import dev.curation.core.list.ProposalApprovalRecorded;
import dev.curation.core.list.ProposalChangesRequested;
import dev.curation.core.list.ProposalCommentResolved;
import dev.curation.core.list.ProposalCommented;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ReviewPolicyChanged;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The proposal view of a review: revisions, comments in order, requests for changes, approvals against the policy. */
class ReviewConversationTest extends KafkaFedTest {

    private static final EditSpec CONSUL = new EditSpec("addLink", "s2", null, null, null, null, "Consul", "https://consul.io",
            "A service mesh.", null, null);
    private static final EditSpec ETCD = new EditSpec("addLink", "s2", null, null, null, null, "etcd", "https://etcd.io",
            "A key-value store.", null, null);

    @Test
    void theProposalViewShowsTheWholeReview() throws Exception {
        String listId = UUID.randomUUID().toString();
        long sequence = importList(listId, "review-view", "# Review\n## Registries\n- [Nacos](https://nacos.io) - A registry.\n")
                .size();
        List<ListEvent> review = List.of(
                new ReviewPolicyChanged(listId, 2, false, true, "alice"),
                new ProposalSubmitted(listId, "p-rv", 1, "a mesh", List.of(CONSUL), "carol", false),
                new ProposalCommented(listId, "p-rv", "c1", 1, 0, null, "Why Consul?", "bob"),
                new ProposalCommented(listId, "p-rv", "c2", 1, null, "c1", "It is popular.", "carol"),
                new ProposalChangesRequested(listId, "p-rv", 1, "etcd is what we use", "alice"));
        publishEach(listId, sequence, review);
        JsonNode sentBack = await().atMost(Duration.ofSeconds(30)).until(
                () -> getJson("/api/lists/review-view/proposals/p-rv"),
                view -> view.at("/proposal/status").asString("").equals("changes_requested"));
        assertThat(sentBack.at("/proposal/reason").asString()).isEqualTo("etcd is what we use");
        assertThat(sentBack.get("comments").findValuesAsString("id")).containsExactly("c1", "c2");
        assertThat(sentBack.at("/comments/0/edit").asInt()).isZero();
        assertThat(sentBack.at("/comments/1/replyTo").asString()).isEqualTo("c1");
        assertThat(getJson("/api/lists/review-view/proposals?status=changes_requested").get("items").findValuesAsString("id"))
                .containsExactly("p-rv");

        List<ListEvent> more = List.of(
                new ProposalAmended(listId, "p-rv", 2, 1, "etcd instead", List.of(ETCD), "carol"),
                new ProposalCommentResolved(listId, "p-rv", "c1", "alice"),
                new ProposalApprovalRecorded(listId, "p-rv", 2, "alice", 1, 2));
        publishEach(listId, sequence + review.size(), more);
        JsonNode view = await().atMost(Duration.ofSeconds(30)).until(
                () -> getJson("/api/lists/review-view/proposals/p-rv"),
                v -> v.at("/review/approvals").size() == 1);
        assertThat(view.at("/proposal/status").asString()).isEqualTo("submitted");
        assertThat(view.at("/proposal/revision").asInt()).isEqualTo(2);
        assertThat(view.get("revisions").findValuesAsString("rationale")).containsExactly("a mesh", "etcd instead");
        assertThat(view.get("activity").findValuesAsString("kind")).containsExactly("submitted", "comment", "comment",
                "changes_requested", "amended", "resolved", "approval");
        assertThat(view.at("/comments/0/resolvedBy").asString()).isEqualTo("alice");
        assertThat(view.at("/comments/1/resolvedBy").isMissingNode() || view.at("/comments/1/resolvedBy").isNull()).isTrue();
        assertThat(view.at("/review/requiredApprovals").asInt()).isEqualTo(2);
        assertThat(view.at("/review/counting").asInt()).isEqualTo(1);
        assertThat(view.at("/review/missing").asInt()).isEqualTo(1);
        assertThat(view.at("/review/approvals/0/curator").asString()).isEqualTo("alice");
        assertThat(view.at("/review/approvals/0/revision").asInt()).isEqualTo(2);
        // the preview is the latest revision's
        assertThat(view.get("preview").asString()).contains("+- [etcd](https://etcd.io)").doesNotContain("Consul");

        // the revisions' diff: what each would make of the list now
        HttpResponse<byte[]> diff = get("/api/lists/review-view/proposals/p-rv/diff?from=1&to=2");
        assertThat(diff.statusCode()).as(new String(diff.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        String text = new String(diff.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("-- [Consul](https://consul.io) - A service mesh.", "+- [etcd](https://etcd.io) - A key-value store.");
        assertProblem(get("/api/lists/review-view/proposals/p-rv/diff?from=1&to=3"), 404, "revisions 1 to 2");
        // none of it leaks into the Markdown, and no version was made
        String markdown = new String(get("/api/lists/review-view/markdown").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(markdown).doesNotContain("etcd", "Consul");
        assertThat(getJson("/api/lists/review-view/history").get("items")).hasSize(1);
    }

    /** Each event as a command of its own (its own end of version), all at version 1. */
    private void publishEach(String listId, long firstSequence, List<ListEvent> events) throws Exception {
        for (int i = 0; i < events.size(); i++) {
            publish(listId, 1, firstSequence + i, List.of(events.get(i)), 0, 1, false);
        }
    }
}

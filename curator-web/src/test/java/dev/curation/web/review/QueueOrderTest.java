package dev.curation.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class QueueOrderTest {

    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void curatorsTurnFirstThenTheAuthorsThenOldestThenSmallest() {
        List<QueueItem> items = List.of(
                item("author-old", "changes_requested", T, 1),
                item("curators-new", "submitted", T.plusSeconds(60), 1),
                item("curators-old-big", "submitted", T, 5),
                item("curators-old-small", "submitted", T, 2),
                item("decided", "approved", T.minusSeconds(600), 1),
                item("author-new", "changes_requested", T.plusSeconds(30), 1));

        assertThat(items.stream().sorted(QueueOrder.ORDER).map(QueueItem::id)).containsExactly(
                "curators-old-small", "curators-old-big", "curators-new", "author-old", "author-new", "decided");
    }

    @Test
    void theApisTurnWinsOverTheStatusAndCountsAreRead() {
        JsonMapper json = JsonMapper.builder().build();
        QueueItem counted = QueueItem.of(json.readTree("""
                {"id":"p","status":"submitted","turn":"author","author":"carol","createdAt":"2026-01-01T10:00:00Z",
                 "edits":3,"approvals":{"given":1,"needed":2}}"""));
        QueueItem listed = QueueItem.of(json.readTree("""
                {"id":"q","status":"changes_requested","author":"carol","edits":[{"op":"removeLink","entry":"e1"}]}"""));

        assertThat(counted.waitingForAuthor()).isTrue();
        assertThat(counted.edits()).isEqualTo(3);
        assertThat(counted.given()).isEqualTo(1);
        assertThat(counted.needed()).isEqualTo(2);
        assertThat(listed.waitingForAuthor()).isTrue();
        assertThat(listed.edits()).isEqualTo(1);
        assertThat(listed.given()).isNull();
    }

    @Test
    void waitingForMeIsACuratorsReviewOrAnAuthorsAmendment() {
        QueueItem carolsToReview = item("a", "submitted", T, 1);
        QueueItem carolsToAmend = item("b", "changes_requested", T, 1);

        assertThat(carolsToReview.waitingFor("alice", true)).isTrue();
        assertThat(carolsToReview.waitingFor("carol", false)).isFalse();
        assertThat(carolsToAmend.waitingFor("carol", false)).isTrue();
        assertThat(carolsToAmend.waitingFor("alice", true)).isFalse();
        assertThat(carolsToReview.waitingFor("dave", false)).isFalse();
    }

    private static QueueItem item(String id, String status, Instant at, int edits) {
        String turn = switch (status) {
            case "submitted" -> QueueItem.CURATORS;
            case "changes_requested" -> QueueItem.AUTHOR;
            default -> null;
        };
        return new QueueItem(id, status, turn, "carol", id, at, edits, null, null);
    }
}

package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalSubmitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** History tells an approval with the proposal's author, from what history itself recorded at submission. */
class ProposalHistoryTest extends KafkaFedTest {

    @Test
    void anApprovalNamesItsAuthorFromWhatHistoryRecordedAtSubmission() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = "# Tools\n- [Kafka](https://kafka.apache.org)\n";
        long sequence = importList(listId, "proposal-history", markdown).size();
        ListDocument document = read(markdown);
        String tools = document.sections().get(0).id();

        // submitted, served, then approved in a later batch
        EditSpec nacos = new EditSpec("addLink", tools, null, null, null, null, "Nacos", "https://nacos.io", null, null, null);
        publish(listId, 1, sequence, List.of(new ProposalSubmitted(listId, "p1", 1, "a registry", List.of(nacos), "carol")),
                0, 1, false);
        sequence += 1;
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/lists/proposal-history/proposals/p1").statusCode() == 200);
        // every read that shows the edit shows it in addLink's shape: its fields that are set, no nulls of other ops'
        JsonNode detail = getJson("/api/lists/proposal-history/proposals/p1");
        for (JsonNode edit : List.of(detail.at("/proposal/edits/0"), detail.at("/revisions/0/edits/0"),
                getJson("/api/lists/proposal-history/proposals").at("/items/0/edits/0"))) {
            assertThat(edit.propertyNames()).containsExactly("op", "section", "title", "url");
            assertThat(edit.get("op").asString()).isEqualTo("addLink");
        }
        List<ListEvent> approval = approval(listId, document, "p1", 2, nacos.toEdit("edits[0]"));
        publish(listId, 2, sequence, approval, 0, approval.size(), false);
        sequence += approval.size();
        awaitVersion("proposal-history", 2);

        // submitted and approved right after each other, without waiting: often one batch, where the
        // author is not in the table yet
        EditSpec pulsar = new EditSpec("addLink", tools, null, null, null, null, "Pulsar", "https://pulsar.apache.org", null,
                null, null);
        publish(listId, 2, sequence, List.of(new ProposalSubmitted(listId, "p2", 2, null, List.of(pulsar), "dave")),
                0, 1, false);
        sequence += 1;
        List<ListEvent> approved = approval(listId, document, "p2", 3, pulsar.toEdit("edits[0]"));
        publish(listId, 3, sequence, approved, 0, approved.size(), false);
        awaitVersion("proposal-history", 3);

        JsonNode items = getJson("/api/lists/proposal-history/history").get("items");
        assertThat(items.get(0).get("summary").asString())
                .isEqualTo("alice approved dave's proposal: added [Pulsar](https://pulsar.apache.org) to Tools");
        assertThat(items.get(1).get("summary").asString())
                .isEqualTo("alice approved carol's proposal: added [Nacos](https://nacos.io) to Tools");
        assertThat(items.get(1).get("proposal").asString()).isEqualTo("p1");
    }

    /** The events of approving {@code proposal} as {@code version}: the approval, then its edits' events. */
    private static List<ListEvent> approval(String listId, ListDocument document, String proposal, long version, Edit edit) {
        List<ListEvent> events = new ArrayList<>();
        events.add(new ProposalApproved(listId, proposal, "alice", version, version - 1, null));
        List<ListEvent> applied = ListEditor.decide(listId, document, new IdSequence(1_000_000 * version), List.of(edit));
        applied.forEach(e -> ListFold.apply(document, e));
        events.addAll(applied);
        return events;
    }
}

package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * History keeps what each event changed and words it when read: a change of wording needs no
 * replay. Rows recorded before that (no structured change) keep their stored sentences.
 */
class HistoryWordingTest extends KafkaFedTest {

    @Test
    void sentencesAreWordedWhenReadFromWhatChanged() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = "# Tools\n- [Kafka](https://kafka.apache.org)\n";
        long sequence = importList(listId, "worded", markdown).size();
        ListDocument document = read(markdown);
        String tools = document.sections().get(0).id();
        String kafka = document.nodes().stream().filter(n -> "Kafka".equals(n.title())).findFirst().orElseThrow().id();
        sequence += applyEdits(listId, "worded", document, 2, sequence, new Edit.AddSection(tools, null, "Queues"));
        applyEdits(listId, "worded", document, 3, sequence, new Edit.EditLink(kafka, "Apache Kafka", null, null));

        // what was stored at the time no longer matters for rows that kept what changed
        jdbc.sql("UPDATE list_event SET summary = 'words of an older release' WHERE list_id = ?").param(listId).update();
        jdbc.sql("UPDATE list_version SET summary = 'words of an older release' WHERE list_id = ?").param(listId).update();
        // a row recorded before history kept what changed keeps its stored words
        jdbc.sql("UPDATE list_event SET change = NULL WHERE list_id = ? AND version = 1").param(listId).update();

        JsonNode items = getJson("/api/lists/worded/history").get("items");
        assertThat(items.get(0).get("summary").asString())
                .isEqualTo("alice edited [Kafka](https://kafka.apache.org): title to Apache Kafka");
        assertThat(items.get(1).get("summary").asString()).isEqualTo("alice added section Queues under Tools");
        assertThat(items.get(2).get("summary").asString()).isEqualTo("words of an older release");

        JsonNode entry = getJson("/api/lists/worded/entries/" + kafka + "/history").get("items");
        assertThat(entry.get(0).get("summary").asString())
                .isEqualTo("alice edited [Kafka](https://kafka.apache.org): title to Apache Kafka");
        assertThat(get("/api/lists/worded/feed.atom").body()).asString()
                .contains("Version 2: alice added section Queues under Tools");
    }
}

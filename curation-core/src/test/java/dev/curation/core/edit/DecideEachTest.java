package dev.curation.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.ListEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A change set's events grouped by the edit that made them: what a reader needs to place findings under edits. */
class DecideEachTest {

    private static final String MARKDOWN = "# Each\n## Logs\n- [Kafka](https://kafka.apache.org) - A log.\n";

    @Test
    void eachEditHasItsOwnEventsInOrderAndTheyAreWhatDecideGives() {
        List<Edit> edits = List.of(
                new Edit.AddLink("s2", null, "Pulsar", "https://pulsar.apache.org", "Another log."),
                new Edit.EditLink("e3", "Kafka", null, null), // changes nothing: no events
                new Edit.EditLink("e3", "Apache Kafka", null, null));
        ListDocument document = MarkdownReader.read(MARKDOWN, new IdSequence(0));

        List<List<ListEvent>> byEdit = ListEditor.decideEach("l", document, new IdSequence(100), edits, false);
        List<ListEvent> all = ListEditor.decide("l", MarkdownReader.read(MARKDOWN, new IdSequence(0)), new IdSequence(100), edits);

        assertThat(byEdit).hasSize(3);
        assertThat(byEdit.get(0)).singleElement().isInstanceOfSatisfying(LinkAdded.class,
                added -> assertThat(added.entry()).isEqualTo("e101"));
        assertThat(byEdit.get(1)).isEmpty();
        assertThat(byEdit.get(2)).singleElement().isInstanceOf(LinkEdited.class);
        assertThat(byEdit.stream().flatMap(List::stream).toList()).isEqualTo(all);
    }
}

package dev.curation.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.list.ContentRestored;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListRuleException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Examples of undoing: a removed topic comes back byte for byte with its ids, where it was; clashes name what changed. */
class RevertTest {

    /** Odd bytes on purpose: a star bullet, a trailing space, no separator, a text block, a sub-topic. */
    private static final String MARKDOWN = """
            # Tools
            ## Logs
            * [Kafka](https://kafka.apache.org)  -  The log.\s
            Some words about logs.

            ### Brokers
            - [Pulsar](https://pulsar.apache.org)
            ## Queues
            - [RabbitMQ](https://www.rabbitmq.com) - AMQP.
            """;

    private final ListDocument document = MarkdownReader.read(MARKDOWN, new IdSequence(0));
    private final Map<String, Long> lastChanged = new HashMap<>();
    private final IdSequence ids = new IdSequence(100);
    private long version = 1;

    RevertTest() {
        document.nodes().forEach(n -> lastChanged.put(n.id(), 1L));
    }

    private String id(String title) {
        return document.nodes().stream().filter(n -> title.equals(n.title())).findFirst().orElseThrow().id();
    }

    /** Applies edits as the next version; returns its events. */
    private List<ListEvent> edit(Edit... edits) {
        List<ListEvent> events = ListEditor.decide("l", document, ids, List.of(edits));
        apply(events);
        return events;
    }

    private void apply(List<ListEvent> events) {
        version++;
        for (ListEvent event : events) {
            ListEvents.changedItems(event).forEach(id -> lastChanged.put(id, version));
            ListFold.apply(document, event);
        }
    }

    private List<ListEvent> undo(long reverted, ListDocument before, List<ListEvent> events) {
        return Revert.undo("l", before, List.of(new Revert.PastVersion(reverted, events)), document, version, lastChanged, false);
    }

    @Test
    void aRemovedTopicComesBackByteForByteWithItsIdsAndSubTopics() {
        List<DocumentNode> nodesBefore = document.nodes();
        ListDocument before = document.copy();
        String logs = id("Logs");
        List<ListEvent> removal = edit(new Edit.RemoveSection(logs, true));
        assertThat(MarkdownWriter.write(document)).doesNotContain("Kafka").doesNotContain("Brokers");

        List<ListEvent> undo = undo(2, before, removal);
        assertThat(undo).singleElement().isInstanceOf(ContentRestored.class);
        apply(undo);
        assertThat(MarkdownWriter.write(document)).isEqualTo(MARKDOWN);
        assertThat(document.nodes()).isEqualTo(nodesBefore);
    }

    @Test
    void restoredContentGoesAfterWhatPrecededItEvenWhenTheSectionChangedAround() {
        String queues = id("Queues");
        String rabbit = id("RabbitMQ");
        ListDocument before = document.copy();
        List<ListEvent> removal = edit(new Edit.RemoveLink(rabbit));
        edit(new Edit.AddLink(queues, 0, "NATS", "https://nats.io", "Messaging."));
        edit(new Edit.AddLink(queues, null, "ActiveMQ", "https://activemq.apache.org", "JMS."));
        List<ListEvent> undo = undo(2, before, removal);
        apply(undo);
        // first again, as it was before NATS went to the top of the section; its line exactly as it was
        assertThat(document.blocksOf(dev.curation.core.document.Parent.section(queues))).extracting(b -> b.id())
                .containsExactly(rabbit, id("NATS"), id("ActiveMQ"));
        assertThat(MarkdownWriter.write(document)).contains("## Queues\n- [RabbitMQ](https://www.rabbitmq.com) - AMQP.\n");
        assertThat(document.block(rabbit)).isNotNull();
    }

    @Test
    void itemsChangedSinceClashAndTheirNamesAreGiven() {
        String kafka = id("Kafka");
        ListDocument before = document.copy();
        List<ListEvent> edited = edit(new Edit.EditLink(kafka, "Apache Kafka", null, null));
        edit(new Edit.EditLink(kafka, "Kafka 4", null, null));
        assertThatThrownBy(() -> undo(2, before, edited)).isInstanceOfSatisfying(EditException.Clash.class,
                clash -> assertThat(clash.items()).containsExactly(kafka));
    }

    @Test
    void aTopicAddedToSinceIsNotRemovedWithWhatCameLater() {
        ListDocument before = document.copy();
        List<ListEvent> added = edit(new Edit.AddSection(null, null, "Streams"));
        String streams = id("Streams");
        edit(new Edit.AddLink(streams, null, "Flink", "https://flink.apache.org", "Streams."));
        assertThatThrownBy(() -> undo(2, before, added)).isInstanceOfSatisfying(EditException.Clash.class,
                clash -> assertThat(clash.items()).containsExactly(id("Flink")));
    }

    @Test
    void aLinkWhoseUrlIsBackInTheListIsNotRestoredTwice() {
        String rabbit = id("RabbitMQ");
        ListDocument before = document.copy();
        List<ListEvent> removal = edit(new Edit.RemoveLink(rabbit));
        edit(new Edit.AddLink(id("Queues"), null, "RabbitMQ again", "https://www.rabbitmq.com", "AMQP."));
        assertThatThrownBy(() -> undo(2, before, removal)).isInstanceOfSatisfying(EditException.Clash.class,
                clash -> assertThat(clash.items()).containsExactly(id("RabbitMQ again")));
    }

    @Test
    void theImportCannotBeUndone() {
        List<ListEvent> imported = dev.curation.core.list.ImportEvents.of(new dev.curation.core.list.ImportList("l", "tools", MARKDOWN));
        assertThatThrownBy(() -> undo(1, new ListDocument(), imported))
                .isInstanceOf(ListRuleException.NotRevertible.class)
                .hasMessage("version 1 is the import of the list; it cannot be reverted");
    }
}

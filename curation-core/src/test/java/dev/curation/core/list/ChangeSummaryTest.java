package dev.curation.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.ListEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The sentences history, feeds and per-item history show, told against the list as it was before each event. */
class ChangeSummaryTest {

    private static final String LIST = """
            # Tools
            - [Ribbon](https://github.com/Netflix/ribbon)

            ## Messaging
            - [Kafka](https://kafka.apache.org) - a log
            Some prose.
            """;

    private final IdSequence ids = new IdSequence(0);
    private final ListDocument document = MarkdownReader.read(LIST, ids);

    @Test
    void linkEditsNameTheLinkAndItsSection() {
        assertThat(describe(new Edit.AddLink(id("Tools"), null, "Nacos", "https://nacos.io", null)))
                .containsExactly("added [Nacos](https://nacos.io) to Tools");
        assertThat(describe(new Edit.RemoveLink(id("Kafka"))))
                .containsExactly("removed [Kafka](https://kafka.apache.org) from Messaging");
        assertThat(describe(new Edit.MoveLink(id("Ribbon"), id("Messaging"), 0)))
                .containsExactly("moved [Ribbon](https://github.com/Netflix/ribbon) from Tools to Messaging");
    }

    @Test
    void anEditedLinkSaysWhatChangedAndNamesTheLinkAsItWas() {
        assertThat(describe(new Edit.EditLink(id("Ribbon"), "Ribbon LB", "https://ribbon.example", null)))
                .containsExactly("edited [Ribbon](https://github.com/Netflix/ribbon): title to Ribbon LB, URL to https://ribbon.example");
        assertThat(describe(new Edit.EditLink(id("Kafka"), null, null, "a distributed log")))
                .containsExactly("edited [Kafka](https://kafka.apache.org): description");
    }

    @Test
    void sectionEditsNameTheSectionAndWhereItGoes() {
        assertThat(describe(new Edit.AddSection(id("Messaging"), null, "Queues")))
                .containsExactly("added section Queues under Messaging");
        assertThat(describe(new Edit.AddSection(null, null, "Reading")))
                .containsExactly("added section Reading");
        assertThat(describe(new Edit.RenameSection(id("Messaging"), "Logs")))
                .containsExactly("renamed section Messaging to Logs");
        assertThat(describe(new Edit.MoveSection(id("Messaging"), null, 1)))
                .containsExactly("moved section Messaging to the top level");
    }

    @Test
    void aRemovedSectionCountsTheEntriesThatWentWithIt() {
        assertThat(describe(new Edit.RemoveSection(id("Messaging"), true)))
                .containsExactly("removed section Messaging with 1 entry");
        assertThat(describe(new Edit.RemoveSection(id("Tools"), true)).getLast())
                .isEqualTo("removed section Tools with 2 entries");
    }

    @Test
    void textEditsNameTheirSection() {
        String prose = document.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.TEXT
                && n.raw().startsWith("Some prose")).findFirst().orElseThrow().id();
        assertThat(describe(new Edit.AddText(id("Tools"), null, "More prose.\n"))).containsExactly("added text to Tools");
        assertThat(describe(new Edit.EditText(prose, "Other prose.\n"))).containsExactly("edited text in Messaging");
        assertThat(describe(new Edit.RemoveText(prose))).containsExactly("removed text from Messaging");
    }

    @Test
    void workflowEventsAreToldWithoutTheDocument() {
        assertThat(describe(new ProposalRejected("l", "p-1", "alice", "duplicate"), null))
                .isEqualTo("rejected proposal p-1: duplicate");
        assertThat(describe(new VersionReverted("l", 5, 3, null, null, "bob"), null)).isEqualTo("reverted version 3");
        assertThat(describe(new VersionReverted("l", 5, 2, 4L, null, "bob"), null)).isEqualTo("reverted versions 2-4");
        assertThat(describe(new VersionReverted("l", 5, 3, 4L, "mallory", "bob"), null))
                .isEqualTo("rolled back mallory's versions 3-4");
        assertThat(describe(new ChangeSetApplied("l", 2, 1, "why"), null)).isNull();
    }

    @Test
    void aKeptChangeIsWordedLaterWithoutTheList() {
        assertThat(ChangeSummary.sentence(new ChangeSummary.Change("SectionRemoved", java.util.Map.of("section", "Old", "entries", "1"))))
                .isEqualTo("removed section Old with 1 entry");
        assertThat(ChangeSummary.sentence(new ChangeSummary.Change("LinkAdded", java.util.Map.of("link", "[a](https://a.io)",
                "section", "Tools")))).isEqualTo("added [a](https://a.io) to Tools");
        // a type this release does not know (a newer writer) is still told, not dropped
        assertThat(ChangeSummary.sentence(new ChangeSummary.Change("ListArchived", java.util.Map.of())))
                .isEqualTo("changed the list (ListArchived)");
    }

    /** The sentences of the events one edit becomes, each told against the list before that event. */
    private List<String> describe(Edit edit) {
        List<String> sentences = new ArrayList<>();
        ListDocument before = document.copy();
        for (ListEvent event : ListEditor.decide("list", document, ids, List.of(edit))) {
            sentences.add(describe(event, before));
            before = ListFold.apply(before, event);
        }
        return sentences.stream().filter(Objects::nonNull).toList();
    }

    private String id(String title) {
        return document.nodes().stream().filter(n -> title.equals(n.title())).findFirst().orElseThrow().id();
    }

    /** The sentence for an event, told against the list before it; null for events that only mark a version. */
    private static String describe(ListEvent event, ListDocument before) {
        ChangeSummary.Change change = ChangeSummary.change(event, before);
        return change == null ? null : ChangeSummary.sentence(change);
    }
}

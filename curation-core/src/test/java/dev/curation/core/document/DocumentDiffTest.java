package dev.curation.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.DocumentDiff.Change;
import dev.curation.core.document.DocumentDiff.EntryChange;
import dev.curation.core.document.DocumentDiff.EntryState;
import dev.curation.core.document.DocumentDiff.SectionChange;
import dev.curation.core.document.DocumentDiff.SectionState;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The structural diff between two versions: what happened to each entry and section, by id. */
class DocumentDiffTest {

    private static final String LIST = """
            # Tools
            - [Ribbon](https://github.com/Netflix/ribbon)

            ## Messaging
            - [Kafka](https://kafka.apache.org) - a log
            """;

    private final IdSequence ids = new IdSequence(0);
    private final ListDocument before = MarkdownReader.read(LIST, ids);

    @Test
    void aListComparedWithItselfHasNoChanges() {
        DocumentDiff diff = DocumentDiff.between(before, before.copy());

        assertThat(diff.entries()).isEmpty();
        assertThat(diff.sections()).isEmpty();
    }

    @Test
    void addedAndRemovedEntriesCarryTheStateTheyHaveOnTheirSide() {
        ListDocument after = after(new Edit.AddLink(id("Tools"), null, "Nacos", "https://nacos.io", "registry"),
                new Edit.RemoveLink(id("Kafka")));

        DocumentDiff diff = DocumentDiff.between(before, after);

        assertThat(diff.entries()).containsExactlyInAnyOrder(
                new EntryChange(Change.REMOVED, id("Kafka"), new EntryState(id("Messaging"), "Kafka", "https://kafka.apache.org", "a log"), null),
                new EntryChange(Change.ADDED, idIn(after, "Nacos"), null, new EntryState(id("Tools"), "Nacos", "https://nacos.io", "registry")));
        assertThat(diff.sections()).isEmpty();
    }

    @Test
    void anEntryMovedAndEditedIsBothAndKeepsItsId() {
        ListDocument after = after(new Edit.MoveLink(id("Ribbon"), id("Messaging"), 0),
                new Edit.EditLink(id("Ribbon"), "Ribbon LB", null, null));

        DocumentDiff diff = DocumentDiff.between(before, after);

        EntryState was = new EntryState(id("Tools"), "Ribbon", "https://github.com/Netflix/ribbon", "");
        EntryState is = new EntryState(id("Messaging"), "Ribbon LB", "https://github.com/Netflix/ribbon", "");
        assertThat(diff.entries()).containsExactly(
                new EntryChange(Change.MOVED, id("Ribbon"), was, is),
                new EntryChange(Change.EDITED, id("Ribbon"), was, is));
    }

    @Test
    void sectionsAreRenamedMovedAddedAndRemovedByTheirIds() {
        ListDocument after = after(new Edit.RenameSection(id("Messaging"), "Logs"),
                new Edit.MoveSection(id("Messaging"), null, 1),
                new Edit.AddSection(null, null, "Reading"));

        DocumentDiff diff = DocumentDiff.between(before, after);

        SectionState was = new SectionState(id("Tools"), "Messaging", 2);
        SectionState is = new SectionState(null, "Logs", 1);
        assertThat(diff.sections()).containsExactlyInAnyOrder(
                new SectionChange(Change.MOVED, id("Messaging"), was, is),
                new SectionChange(Change.EDITED, id("Messaging"), was, is),
                new SectionChange(Change.ADDED, idIn(after, "Reading"), null, new SectionState(null, "Reading", 1)));
        // the entry in the moved section stayed in it
        assertThat(diff.entries()).isEmpty();

        DocumentDiff removed = DocumentDiff.between(after, before);
        assertThat(removed.sections()).extracting(SectionChange::change).contains(Change.REMOVED);
    }

    private ListDocument after(Edit... edits) {
        ListDocument after = before.copy();
        for (ListEvent event : ListEditor.decide("list", before, ids, List.of(edits))) {
            after = ListFold.apply(after, event);
        }
        return after;
    }

    private String id(String title) {
        return idIn(before, title);
    }

    private static String idIn(ListDocument document, String title) {
        return document.nodes().stream().filter(n -> title.equals(n.title())).findFirst().orElseThrow().id();
    }
}

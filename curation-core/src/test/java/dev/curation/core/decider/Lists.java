package dev.curation.core.decider;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListEvent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Test data of the decider's tests: small lists imported as the service imports them (so that
 * item ids are real), the accounts of the local stack, and edits.
 */
final class Lists {

    static final String LIST = "list-1";
    /** ids: s1 Tools, e2 Kafka, t3 blank, s4 Links, e5 Nacos */
    static final String TOOLS = "# Tools\n* [Kafka](https://kafka.apache.org)\n\n## Links\n* [Nacos](https://nacos.io)\n";

    /** alice and bob curate every list that says nothing else (global curators); alice imports the lists. */
    static final Actor ALICE = Actor.of("alice", "CURATOR", "CONTRIBUTOR");
    static final Actor BOB = Actor.of("bob", "CURATOR", "CONTRIBUTOR");
    /** carol may propose on every list that says nothing else. */
    static final Actor CAROL = Actor.of("carol", "CONTRIBUTOR");
    /** dave has no global role: only what a list gives him. */
    static final Actor DAVE = Actor.of("dave");

    private Lists() {
    }

    /** {@link #TOOLS} imported by alice as version 1: she owns it. */
    static List<Given.Stored> tools() {
        return imported(TOOLS, ALICE.name());
    }

    /** {@code markdown} imported as version 1 by {@code owner} (null: by nobody known, as lists imported before members). */
    static List<Given.Stored> imported(String markdown, @Nullable String owner) {
        return Given.version(1, owner, ImportEvents.of(new ImportList(LIST, "tools", markdown)).toArray(ListEvent[]::new));
    }

    /** A change set of {@code version} on base {@code version - 1}, by {@code actor}. */
    static List<Given.Stored> changed(long version, String actor, ListEvent... events) {
        List<Given.Stored> stored = new ArrayList<>(Given.version(version, actor, new ChangeSetApplied(LIST, version, version - 1, null)));
        stored.addAll(Given.version(version, actor, events));
        return stored;
    }

    static EditSpec addLink(String section, String title, String url) {
        return new EditSpec("addLink", section, null, null, null, null, title, url, null, null, null);
    }

    static EditSpec addLink(String section, String title, String url, String description) {
        return new EditSpec("addLink", section, null, null, null, null, title, url, description, null, null);
    }

    static EditSpec renameLink(String entry, String title) {
        return new EditSpec("editLink", null, entry, null, null, null, title, null, null, null, null);
    }
}

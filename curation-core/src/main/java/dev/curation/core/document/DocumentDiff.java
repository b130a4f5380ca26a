package dev.curation.core.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two versions of a list, by id: entries and topics added, removed, moved
 * (to another topic or parent) and edited (title, URL or description; topics: renamed).
 */
public record DocumentDiff(List<EntryChange> entries, List<SectionChange> sections) {

    public enum Change { ADDED, REMOVED, MOVED, EDITED }

    /** {@code before}/{@code after} are null where the entry did not exist. */
    public record EntryChange(Change change, String id, @Nullable EntryState before, @Nullable EntryState after) {
    }

    /** {@code section} is null for an entry of the preamble. */
    public record EntryState(@Nullable String section, String title, String url, String description) {
    }

    /** {@code before}/{@code after} are null where the section did not exist. */
    public record SectionChange(Change change, String id, @Nullable SectionState before, @Nullable SectionState after) {
    }

    /** {@code parent} is null for a top-level section. */
    public record SectionState(@Nullable String parent, String title, int level) {
    }

    public static DocumentDiff between(ListDocument from, ListDocument to) {
        Map<String, EntryState> a = entries(from);
        Map<String, EntryState> b = entries(to);
        List<EntryChange> entries = new ArrayList<>();
        a.forEach((id, before) -> {
            EntryState after = b.get(id);
            if (after == null) {
                entries.add(new EntryChange(Change.REMOVED, id, before, null));
            } else {
                if (!Objects.equals(before.section(), after.section())) {
                    entries.add(new EntryChange(Change.MOVED, id, before, after));
                }
                if (!before.title().equals(after.title()) || !before.url().equals(after.url())
                        || !before.description().equals(after.description())) {
                    entries.add(new EntryChange(Change.EDITED, id, before, after));
                }
            }
        });
        b.forEach((id, after) -> {
            if (!a.containsKey(id)) {
                entries.add(new EntryChange(Change.ADDED, id, null, after));
            }
        });
        Map<String, SectionState> sa = sections(from);
        Map<String, SectionState> sb = sections(to);
        List<SectionChange> sections = new ArrayList<>();
        sa.forEach((id, before) -> {
            SectionState after = sb.get(id);
            if (after == null) {
                sections.add(new SectionChange(Change.REMOVED, id, before, null));
            } else {
                if (!Objects.equals(before.parent(), after.parent()) || before.level() != after.level()) {
                    sections.add(new SectionChange(Change.MOVED, id, before, after));
                }
                if (!before.title().equals(after.title())) {
                    sections.add(new SectionChange(Change.EDITED, id, before, after));
                }
            }
        });
        sb.forEach((id, after) -> {
            if (!sa.containsKey(id)) {
                sections.add(new SectionChange(Change.ADDED, id, null, after));
            }
        });
        return new DocumentDiff(entries, sections);
    }

    private static Map<String, EntryState> entries(ListDocument document) {
        Map<String, EntryState> entries = new LinkedHashMap<>();
        for (DocumentNode node : document.nodes()) {
            if (document.block(node.id()) instanceof Entry e) {
                entries.put(e.id(), new EntryState(node.parent(), e.title(), e.url(), e.description()));
            }
        }
        return entries;
    }

    private static Map<String, SectionState> sections(ListDocument document) {
        Map<String, SectionState> sections = new LinkedHashMap<>();
        for (DocumentNode node : document.nodes()) {
            if (document.section(node.id()) instanceof Section s) {
                sections.put(s.id(), new SectionState(node.parent(), s.title(), s.level()));
            }
        }
        return sections;
    }
}

package dev.curation.core.list;

import java.util.List;

/** A section was removed with everything below it; {@code entries} names the entries removed with it. */
@EventRevision("1")
public record SectionRemoved(String listId, String section, List<String> entries) implements ListEvent {

    public SectionRemoved {
        entries = List.copyOf(entries);
    }
}

package dev.curation.core.list;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A section moved with everything below it to child {@code index} of {@code parent}. Its lines
 * move verbatim; only when its depth changes are the headings of the moved sections re-levelled,
 * as {@code headings} lists them.
 */
@EventRevision("1")
public record SectionMoved(String listId, String section, @Nullable String fromParent, @Nullable String parent, int index,
                           List<Heading> headings) implements ListEvent {

    public SectionMoved {
        headings = List.copyOf(headings);
    }

    /** The new heading of one moved section. */
    public record Heading(String section, int level, String heading) {
    }
}

package dev.curation.core.list;

import dev.curation.core.document.DocumentNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A section was inserted as child {@code index} of {@code parent} (null: top level), with its heading and initial body. */
@EventRevision("1")
public record SectionAdded(String listId, String section, @Nullable String parent, int index, int level, String heading,
                           String title, List<DocumentNode> body) implements ListEvent {

    public SectionAdded {
        body = List.copyOf(body);
    }
}

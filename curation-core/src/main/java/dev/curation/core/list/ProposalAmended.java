package dev.curation.core.list;

import dev.curation.core.edit.EditSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The author replaced a proposal's change set: revision {@code revision}, against a base version
 * of their choice. Earlier revisions are kept in the history; approval applies the latest. No version.
 */
@EventRevision("1")
public record ProposalAmended(String listId, String proposal, int revision, long baseVersion, @Nullable String rationale,
                              List<EditSpec> edits, String author) implements ListEvent {

    public ProposalAmended {
        edits = List.copyOf(edits);
    }
}

package dev.curation.core.list;

import dev.curation.core.edit.EditSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Someone proposed a change set against {@code baseVersion}; it waits for a curator. */
@EventRevision("1")
public record ProposalSubmitted(String listId, String proposal, long baseVersion, @Nullable String rationale,
                                List<EditSpec> edits, String author, @Nullable Boolean byCurator) implements ListEvent {

    public ProposalSubmitted {
        edits = List.copyOf(edits);
    }

    /** {@code byCurator}: whether the author was a curator (absent in events from before review policies). */
    public ProposalSubmitted(String listId, String proposal, long baseVersion, @Nullable String rationale,
                             List<EditSpec> edits, String author) {
        this(listId, proposal, baseVersion, rationale, edits, author, null);
    }
}

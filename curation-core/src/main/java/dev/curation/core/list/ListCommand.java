package dev.curation.core.list;

import dev.curation.core.edit.EditSpec;
import java.util.List;

/** Commands on an existing list, addressed by list id. */
public sealed interface ListCommand {

    String listId();

    /**
     * A curator's change set, applied at once as one version. {@code baseVersion} (null: the
     * current one) is what the edits were written against: an older base is rebased when no edit
     * touches an item changed since. {@code expectedVersion} (from If-Match) must equal the
     * current version when given.
     */
    record ApplyChangeSet(String listId, Long baseVersion, String rationale, List<EditSpec> edits, Long expectedVersion)
            implements ListCommand {
        public ApplyChangeSet {
            edits = edits == null ? List.of() : List.copyOf(edits);
        }
    }

    record SubmitProposal(String listId, String proposal, Long baseVersion, String rationale, List<EditSpec> edits)
            implements ListCommand {
        public SubmitProposal {
            edits = edits == null ? List.of() : List.copyOf(edits);
        }
    }

    record WithdrawProposal(String listId, String proposal) implements ListCommand {
    }

    record RejectProposal(String listId, String proposal, String reason) implements ListCommand {
    }

    record ApproveProposal(String listId, String proposal, Long expectedVersion) implements ListCommand {
    }

    /** Undo version {@code version} as a new version, unless something changed since clashes. */
    record RevertVersion(String listId, Long version) implements ListCommand {
    }
}

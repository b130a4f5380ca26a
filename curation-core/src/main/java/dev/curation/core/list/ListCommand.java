package dev.curation.core.list;

import dev.curation.core.edit.EditSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Commands on an existing list, addressed by list id. */
public sealed interface ListCommand {

    String listId();

    /** A copy that keeps null elements, so that the input contract can name them instead of failing here. */
    private static List<EditSpec> copy(List<EditSpec> edits) {
        return edits == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(edits));
    }

    /**
     * A curator's change set, applied at once as one version. {@code baseVersion} (null: the
     * current one) is what the edits were written against: an older base is rebased when no edit
     * touches an item changed since. {@code expectedVersion} (from If-Match) must equal the
     * current version when given.
     */
    record ApplyChangeSet(String listId, @Nullable Long baseVersion, @Nullable String rationale, List<EditSpec> edits,
                          @Nullable Long expectedVersion)
            implements ListCommand {
        public ApplyChangeSet {
            edits = ListCommand.copy(edits);
        }
    }

    record SubmitProposal(String listId, String proposal, @Nullable Long baseVersion, @Nullable String rationale,
                          List<EditSpec> edits)
            implements ListCommand {
        public SubmitProposal {
            edits = ListCommand.copy(edits);
        }
    }

    record WithdrawProposal(String listId, String proposal) implements ListCommand {
    }

    record RejectProposal(String listId, String proposal, @Nullable String reason) implements ListCommand {
    }

    record ApproveProposal(String listId, String proposal, @Nullable Long expectedVersion) implements ListCommand {
    }

    /** Undo version {@code version} as a new version, unless something changed since clashes. */
    record RevertVersion(String listId, @Nullable Long version) implements ListCommand {
    }

    /**
     * A curator asks for a proposal that fixes the list's problems of the fixable rules
     * ({@link LintFixes#FIXABLE}; all of them enabled in the profile when {@code rules} is empty).
     */
    record ProposeLintFixes(String listId, String proposal, List<String> rules) implements ListCommand {
        public ProposeLintFixes {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /**
     * A curator sets the list's lint profile: rule id to {@code error}, {@code warning} or
     * {@code off}, the rules not named at their defaults.
     */
    record ChangeLintProfile(String listId, java.util.Map<String, String> rules, boolean sameUrlInSections)
            implements ListCommand {
        public ChangeLintProfile {
            rules = rules == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
        }
    }
}

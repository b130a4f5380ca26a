package dev.curation.core.list;

import dev.curation.core.edit.EditSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Commands on an existing list, addressed by list id. */
public sealed interface ListCommand {

    String listId();

    /** A copy that keeps null elements, so that the input contract can name them instead of failing here. */
    private static List<EditSpec> copy(List<EditSpec> edits) {
        return edits == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(edits));
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

    /** A contributor's change set, for the list's curators to review; the list knows whether its author curates it. */
    record SubmitProposal(String listId, String proposal, @Nullable Long baseVersion, @Nullable String rationale,
                          List<EditSpec> edits)
            implements ListCommand {
        public SubmitProposal {
            edits = ListCommand.copy(edits);
        }
    }

    /**
     * Asks what proposing this change set now would give, storing nothing: decided as
     * {@link SubmitProposal} is (the same refusals), answered with a {@link ProposalCheck}.
     */
    record CheckProposal(String listId, @Nullable Long baseVersion, @Nullable String rationale, List<EditSpec> edits)
            implements ListCommand {
        public CheckProposal {
            edits = ListCommand.copy(edits);
        }
    }

    /** The author replaces the change set of an open proposal with a new revision, against {@code baseVersion}. */
    record AmendProposal(String listId, String proposal, @Nullable Long baseVersion, @Nullable String rationale,
                         List<EditSpec> edits) implements ListCommand {
        public AmendProposal {
            edits = ListCommand.copy(edits);
        }
    }

    /** Someone signed in comments on a proposal, on one of its edits, or in reply to a comment. */
    record CommentOnProposal(String listId, String proposal, String comment, @Nullable String text, @Nullable Integer edit,
                             @Nullable String replyTo) implements ListCommand {
    }

    /** A curator resolves a comment. */
    record ResolveComment(String listId, String proposal, String comment) implements ListCommand {
    }

    /** A curator sends a submitted proposal back to its author with a reason. */
    record RequestChanges(String listId, String proposal, @Nullable String reason) implements ListCommand {
    }

    /** A curator subscribes a URL to the list's changes; {@code secretFingerprint}: SHA-256 of the secret, which stays out of events. */
    record SubscribeWebhook(String listId, String webhook, @Nullable String url, @Nullable List<String> kinds,
                            String secretFingerprint) implements ListCommand {
    }

    record RemoveWebhook(String listId, String webhook) implements ListCommand {
    }

    record ReEnableWebhook(String listId, String webhook) implements ListCommand {
    }

    /**
     * Asks the list whether the sender has at least {@code needed} on it, for a read or a side
     * effect that belongs to its curators or owners (its webhooks and their deliveries): refused as
     * any command on the list would be, accepted without an event.
     */
    record CheckRole(String listId, ListRole needed, String action) implements ListCommand {
    }

    /** A curator sets how proposals are reviewed; a field not given takes its default ({@link ReviewPolicy#withDefaults}). */
    record ChangeReviewPolicy(String listId, @Nullable Integer requiredApprovals, @Nullable Boolean authorCounts,
                              @Nullable Boolean dismissOnAmend)
            implements ListCommand {
    }

    record WithdrawProposal(String listId, String proposal) implements ListCommand {
    }

    record RejectProposal(String listId, String proposal, @Nullable String reason) implements ListCommand {
    }

    /** {@code revision}: the revision the curator reviewed; an older one than the latest is refused. */
    record ApproveProposal(String listId, String proposal, @Nullable Long expectedVersion, @Nullable Integer revision)
            implements ListCommand {
        public ApproveProposal(String listId, String proposal, @Nullable Long expectedVersion) {
            this(listId, proposal, expectedVersion, null);
        }
    }

    /**
     * Undo version {@code version}, or versions {@code version} to {@code through}, as one new
     * version, unless something changed since clashes.
     */
    record RevertVersion(String listId, @Nullable Long version, @Nullable Long through) implements ListCommand {

        public RevertVersion(String listId, @Nullable Long version) {
            this(listId, version, null);
        }
    }

    /**
     * Asks what {@link RevertVersion} would do now (a curator), or proposing that revert (anyone who
     * may only propose), storing nothing: the same refusals, answered with a {@link RevertCheck}.
     */
    record CheckRevert(String listId, @Nullable Long version, @Nullable Long through) implements ListCommand {
    }

    /**
     * Undo the latest run of consecutive versions written by {@code actor} as one new version,
     * unless someone changed the same items since.
     */
    record RollBack(String listId, @Nullable String actor) implements ListCommand {
    }

    /** An owner gives {@code member} a role on the list ({@link ListRole} wire name), or changes it. */
    record SetMemberRole(String listId, @Nullable String member, @Nullable String role) implements ListCommand {
    }

    /** An owner takes {@code member}'s role on the list away. */
    record RemoveMember(String listId, @Nullable String member) implements ListCommand {
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

    /** A curator sets the lint profile: the rules named at their severities, the others at their defaults. */
    record ChangeLintProfile(String listId, Map<String, String> rules, @Nullable Boolean sameUrlInSections)
            implements ListCommand {
        public ChangeLintProfile {
            rules = rules == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        }
    }

    /**
     * The git bridge brings one commit: the list becomes the commit's file, {@code markdown}, as a new
     * version credited to the commit's author. A commit the list already has is answered with its
     * version and stores nothing, so an import or a pull can be repeated after a crash.
     * {@code expectedVersion}, when given, must be the current version (the bridge read the list there).
     */
    record ImportCommit(String listId, GitCommit commit, String markdown, @Nullable Long expectedVersion)
            implements ListCommand {
    }

    /** The git bridge has brought every commit of the history being imported, up to {@code commit}. */
    record FinishHistoryImport(String listId, String commit) implements ListCommand {
    }

    /**
     * An owner connects the list to {@code path} on {@code branch} of {@code repository} (a URL without
     * credentials), publishing there and pulling from there as asked (both off when not given).
     */
    record SetGitBridge(String listId, @Nullable String repository, @Nullable String branch, @Nullable String path,
                        @Nullable Boolean publish, @Nullable Boolean pull) implements ListCommand {
    }

    /** An owner disconnects the list from git. */
    record RemoveGitBridge(String listId) implements ListCommand {
    }
}

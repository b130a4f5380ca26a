package dev.curation.core.list;

import dev.curation.core.lint.LintProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A command breaks a rule of the list's workflow; each kind maps to one HTTP status. */
public abstract sealed class ListRuleException extends RuntimeException permits ListRuleException.NoSuchProposal,
        ListRuleException.IllegalTransition, ListRuleException.NotAllowed, ListRuleException.VersionMismatch,
        ListRuleException.UnknownBase, ListRuleException.NotRevertible, ListRuleException.LintErrors,
        ListRuleException.NothingToFix, ListRuleException.NoSuchComment, ListRuleException.StaleRevision,
        ListRuleException.NoSuchWebhook, ListRuleException.NothingToRollBack, ListRuleException.Forbidden,
        ListRuleException.LastOwner, ListRuleException.NoSuchMember, ListRuleException.Importing {

    private static final long serialVersionUID = 1L;

    ListRuleException(String message) {
        super(message);
    }

    /** 404 */
    public static final class NoSuchProposal extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public NoSuchProposal(String proposal) {
            super("no proposal " + proposal + " on this list");
        }
    }

    /** 409: e.g. approving a withdrawn proposal, rejecting twice. */
    public static final class IllegalTransition extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public IllegalTransition(String proposal, String status, String action) {
            super("proposal " + proposal + " is " + status + " and cannot be " + action);
        }
    }

    /** 403: a rule about who may do what, e.g. nobody approves their own proposal. */
    public static final class NotAllowed extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public NotAllowed(String message) {
            super(message);
        }
    }

    /** 412: If-Match named another version than the current one. */
    public static final class VersionMismatch extends ListRuleException {
        private static final long serialVersionUID = 1L;
        private final long current;

        public VersionMismatch(long expected, long current) {
            super("If-Match expects version " + expected + " but the list is at version " + current);
            this.current = current;
        }

        public long current() {
            return current;
        }
    }

    /** 400: a base version the list never had. */
    public static final class UnknownBase extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public UnknownBase(long base, long current) {
            super("baseVersion " + base + " does not exist: the list is at version " + current);
        }
    }

    /** 400: a version a revert cannot undo (the import, a removed section, nothing undoable). */
    public static final class NotRevertible extends ListRuleException {
        private static final long serialVersionUID = 1L;
        private final long version;

        public NotRevertible(long version, String why) {
            super("version " + version + " " + why);
            this.version = version;
        }

        public long version() {
            return version;
        }
    }

    /** 422: the change would add problems the list's lint profile counts as errors. */
    public static final class LintErrors extends ListRuleException {
        private static final long serialVersionUID = 1L;
        private final transient List<LintProblem> problems;

        public LintErrors(List<LintProblem> problems) {
            super("the change adds " + problems.size() + " lint error" + (problems.size() == 1 ? "" : "s") + ": "
                    + String.join("; ", problems.stream().limit(5).map(p -> p.rule() + ": " + p.message()).toList())
                    + (problems.size() > 5 ? "; ..." : ""));
            this.problems = List.copyOf(problems);
        }

        public List<LintProblem> problems() {
            return problems;
        }
    }

    /** 409: a fix proposal was asked for, and the list has no problem of those rules that a proposal can fix. */
    public static final class NothingToFix extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public NothingToFix(List<String> rules) {
            super("the list has no problem " + (rules.isEmpty() ? "of the fixable rules enabled in its profile"
                    : "of " + String.join(", ", rules)) + " to fix");
        }
    }

    /** 403: the account's role on this list does not allow what it asked. */
    public static final class Forbidden extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public Forbidden(String actor, @Nullable ListRole role, ListRole needed, String action) {
            super(actor + (role == null ? " has no role on this list" : " is a " + role.wire() + " of this list")
                    + "; to " + action + " needs " + (needed == ListRole.OWNER ? "an " : "a ") + needed.wire()
                    + " (an owner of the list can grant it)");
        }
    }

    /** 404: a membership change names someone who has no role on the list. */
    public static final class NoSuchMember extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public NoSuchMember(String member) {
            super(member + " has no role of its own on this list");
        }
    }

    /** 409: taking the role of a list's only owner away would leave nobody to manage its members. */
    public static final class LastOwner extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public LastOwner(String member) {
            super(member + " is the list's only owner; make someone else an owner first");
        }
    }

    /** 409: a rollback names someone who wrote no version of the list since its import. */
    public static final class NothingToRollBack extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public NothingToRollBack(String actor) {
            super(actor + " wrote no version of this list since its import: there is nothing to roll back");
        }
    }

    /** 404 */
    public static final class NoSuchComment extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public NoSuchComment(String proposal, String comment) {
            super("proposal " + proposal + " has no comment " + comment);
        }
    }

    /** 409: an approval names a revision that is not the latest; approval applies the latest. */
    public static final class StaleRevision extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public StaleRevision(String proposal, int named, int latest) {
            super("proposal " + proposal + " is at revision " + latest + ", not " + named
                    + "; an approval applies the latest revision: review it and approve revision " + latest);
        }
    }

    /** 404 */
    public static final class NoSuchWebhook extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public NoSuchWebhook(String webhook) {
            super("no webhook " + webhook + " on this list");
        }
    }

    /** 409: the list is still importing its git history; it takes no change until that is complete. */
    public static final class Importing extends ListRuleException {
        private static final long serialVersionUID = 1L;

        public Importing(String slug, long version, int commits) {
            super("list " + slug + " is still importing its git history (version " + version + " of " + commits
                    + "); it takes changes once GET /api/lists/" + slug + " no longer says it is importing");
        }
    }
}

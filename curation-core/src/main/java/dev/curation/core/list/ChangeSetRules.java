package dev.curation.core.list;

import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules a change set, a proposal's review and a revert follow before the list decides their
 * edits (which {@link dev.curation.core.edit.ListEditor} does): which versions they may name, and
 * what a rationale and a reason are.
 */
public final class ChangeSetRules {

    private ChangeSetRules() {
    }

    /** The version a change set was written against: the current one when absent, else one the list has. */
    public static long base(@Nullable Long requested, long current) {
        if (requested == null) {
            return current;
        }
        if (requested < 1 || requested > current) {
            throw new ListRuleException.UnknownBase(requested, current);
        }
        return requested;
    }

    /** An If-Match guard: when given, the list must still be at that version. */
    public static void expectVersion(@Nullable Long expected, long current) {
        if (expected != null && expected != current) {
            throw new ListRuleException.VersionMismatch(expected, current);
        }
    }

    /** The edits of a change set, at least one; characters, lengths and fields were checked by the input contract. */
    public static List<Edit> edits(List<EditSpec> specs) {
        if (specs.isEmpty()) {
            throw new EditException.Invalid("edits", "must hold at least one edit");
        }
        List<Edit> edits = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            edits.add(specs.get(i).toEdit("edits[" + i + "]"));
        }
        return edits;
    }

    /** A proposal that reverts versions: the first version and the last (null: just the first). */
    public record RevertRange(long version, @Nullable Long through) {
    }

    /**
     * The versions a proposal reverts, when its only edit is a {@code revert}; null for a proposal
     * of edits.
     *
     * @throws EditException.Invalid for a revert among other edits, or without its version
     */
    public static @Nullable RevertRange revertOf(List<EditSpec> specs) {
        for (int i = 0; i < specs.size(); i++) {
            EditSpec spec = specs.get(i);
            if (spec != null && EditSpec.REVERT.equals(spec.op())) {
                if (specs.size() > 1) {
                    throw new EditException.Invalid("edits[" + i + "].op", "a revert is a proposal's only edit; propose the "
                            + "other edits separately");
                }
                if (spec.version() == null) {
                    throw new EditException.Invalid("edits[" + i + "].version", "is required: the version to revert");
                }
                return new RevertRange(spec.version(), spec.throughVersion());
            }
        }
        return null;
    }

    /** Why a change is made: optional; stored stripped, and blank counts as none. */
    public static @Nullable String rationale(@Nullable String rationale) {
        return rationale == null || rationale.isBlank() ? null : rationale.strip();
    }

    /** Why a proposal is rejected: required, stored stripped. */
    public static String reason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InputException.Invalid("reason", "a rejection needs a reason");
        }
        return reason.strip();
    }

    /** The version a revert names: required. */
    public static long revertedVersion(@Nullable Long version) {
        if (version == null) {
            throw new InputException.Invalid("version", "is required: the version to revert");
        }
        return version;
    }

    /** A revert undoes changes made after the import, up to the current version; returns the last one undone. */
    public static long revertible(long reverted, @Nullable Long through, long current) {
        if (reverted == 1) {
            throw new ListRuleException.NotRevertible(1, "is the import of the list; it cannot be reverted");
        }
        if (reverted < 1) {
            throw new InputException.Invalid("version", "must be a version between 2 and " + current);
        }
        if (reverted > current) {
            throw new InputException.Invalid("version", "this list has no version " + reverted + " (it is at version "
                    + current + ")");
        }
        if (through == null) {
            return reverted;
        }
        if (through < reverted || through > current) {
            throw new InputException.Invalid("throughVersion", "must be a version between " + reverted + " (version) and "
                    + current + " (the list's current version)");
        }
        return through;
    }

    /** Whom a membership change is about: an account name. */
    public static String memberName(@Nullable String member) {
        if (member == null || member.isBlank()) {
            throw new InputException.Invalid("member", "is required: an account name");
        }
        return member;
    }

    /** A role on a list by its wire name. */
    public static ListRole listRole(@Nullable String role) {
        ListRole parsed = ListRole.fromWire(role);
        if (parsed == null) {
            throw new InputException.Invalid("role", "must be one of owner, curator, contributor, not '"
                    + (role == null ? "" : role.length() > 40 ? role.substring(0, 40) + "..." : role) + "'");
        }
        return parsed;
    }

    /** Whose versions a rollback undoes: an account name. */
    public static String rollbackActor(@Nullable String actor) {
        if (actor == null || actor.isBlank()) {
            throw new InputException.Invalid("actor", "is required: whose latest versions to roll back");
        }
        if (actor.length() > 100) {
            throw new InputException.Invalid("actor", "is at most 100 characters");
        }
        return actor;
    }
}

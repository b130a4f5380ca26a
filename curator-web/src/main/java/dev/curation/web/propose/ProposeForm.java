package dev.curation.web.propose;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the propose form sends, every field as typed (text, so that odd input reaches our own checks
 * rather than a binding error). Any field may be missing.
 *
 * @param op          addLink (default), editLink, moveLink or removeLink
 * @param edit        the entry an edit, move or removal is about
 * @param baseVersion the list's version when the form was shown
 */
public record ProposeForm(@Nullable String op, @Nullable String edit, @Nullable String baseVersion,
                          @Nullable String section, @Nullable String title, @Nullable String url,
                          @Nullable String description, @Nullable String rationale) {

    static final String ADD = "addLink";
    private static final Set<String> OPS = Set.of(ADD, "editLink", "moveLink", "removeLink");

    /** The op asked for, addLink for anything else. */
    public String operation() {
        return op != null && OPS.contains(op) ? op : ADD;
    }

    /** Whether the form has the link's text fields (adding or editing). */
    public boolean hasLinkFields() {
        String operation = operation();
        return operation.equals(ADD) || operation.equals("editLink");
    }

    /** Whether the form has the topic choice (adding or moving). */
    public boolean hasSection() {
        String operation = operation();
        return operation.equals(ADD) || operation.equals("moveLink");
    }

    /** The base version as a number, null when missing or not a number. */
    @Nullable Long base() {
        try {
            return baseVersion == null ? null : Long.valueOf(baseVersion.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** A field's value for showing it again, never null. */
    public static String shown(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** The same form about {@code entry}, its fields filled in from the entry (edit) or its topic (move). */
    ProposeForm filledFrom(TargetEntry entry, long version) {
        String operation = operation();
        boolean editing = operation.equals("editLink");
        return new ProposeForm(operation, entry.id(), Long.toString(version),
                operation.equals("moveLink") ? entry.section() : null,
                editing ? entry.title() : null, editing ? entry.url() : null, editing ? entry.description() : null, null);
    }
}

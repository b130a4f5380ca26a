package dev.curation.web.propose;

import dev.curation.web.api.ApiRefusal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The form field a refusal concerns, so its message can stand next to it: from the problem's
 * {@code field} member ({@code edits[0].url}), else from a message that starts with the path
 * ("edits[0].url: scheme must be ..."), for a refusal that names its field only in words.
 */
final class RefusedField {

    private static final Pattern NAMED =
            Pattern.compile("^(?:edits\\[\\d+]\\.)?(section|title|url|description|rationale)\\b");

    private RefusedField() {
    }

    static @Nullable String of(ApiRefusal refusal) {
        String named = of(refusal.field());
        return named != null ? named : of(refusal.detail());
    }

    static @Nullable String of(@Nullable String pathOrMessage) {
        if (pathOrMessage == null) {
            return null;
        }
        Matcher named = NAMED.matcher(pathOrMessage);
        return named.find() ? named.group(1) : null;
    }
}

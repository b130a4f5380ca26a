package dev.curation.web.propose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The form field an API message names ("edits[0].url: scheme must be ..."), so it can stand next to it. */
final class RefusedField {

    private static final Pattern NAMED =
            Pattern.compile("^(?:edits\\[\\d+]\\.)?(section|title|url|description|rationale)\\b");

    private RefusedField() {
    }

    static @Nullable String of(@Nullable String pathOrMessage) {
        if (pathOrMessage == null) {
            return null;
        }
        Matcher named = NAMED.matcher(pathOrMessage);
        return named.find() ? named.group(1) : null;
    }
}

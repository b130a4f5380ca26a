package dev.curation.core.edit;

import dev.curation.core.input.FreeText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Field rules of edits: what a title, URL, description or text may be. */
final class Validation {

    static final int MAX_TITLE = 300;
    static final int MAX_SECTION_TITLE = 200;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_URL = 2048;
    static final int MAX_TEXT = 10_000;
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    private Validation() {
    }

    static String title(String field, String title, int max) {
        String value = title.strip();
        if (value.isEmpty()) {
            throw new EditException.Invalid(field, "must not be empty");
        }
        if (value.length() > max) {
            throw new EditException.Invalid(field, "must be at most " + max + " characters");
        }
        noControl(field, value, false);
        return value;
    }

    static @Nullable String description(String field, @Nullable String description) {
        if (description == null) {
            return null;
        }
        String value = description.strip();
        if (value.length() > MAX_DESCRIPTION) {
            throw new EditException.Invalid(field, "must be at most " + MAX_DESCRIPTION + " characters");
        }
        noControl(field, value, false);
        return value;
    }

    static String text(String field, String text) {
        if (text.isBlank()) {
            throw new EditException.Invalid(field, "must not be empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new EditException.Invalid(field, "must be at most " + MAX_TEXT + " characters");
        }
        noControl(field, text, true);
        return text;
    }

    /** Only http, https and mailto URLs, well-formed, with a host for http(s). */
    static String url(String field, String url) {
        String value = url.strip();
        if (value.isEmpty()) {
            throw new EditException.Invalid(field, "must not be empty");
        }
        if (value.length() > MAX_URL) {
            throw new EditException.Invalid(field, "must be at most " + MAX_URL + " characters");
        }
        noControl(field, value, false);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new EditException.Invalid(field, "is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw new EditException.Invalid(field, "scheme must be http, https or mailto, not "
                    + (scheme == null ? "missing" : "'" + scheme + "'"));
        }
        if (!scheme.equals("mailto") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new EditException.Invalid(field, "needs a host, e.g. https://example.com/path");
        }
        if (scheme.equals("mailto") && uri.getSchemeSpecificPart().isBlank()) {
            throw new EditException.Invalid(field, "needs an address after mailto:");
        }
        return value;
    }

    private static void noControl(String field, String value, boolean linesAllowed) {
        String problem = FreeText.problem(value, linesAllowed);
        if (problem != null) {
            throw new EditException.Invalid(field, problem);
        }
    }
}

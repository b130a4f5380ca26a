package dev.curation.web.list;

import java.util.Locale;

/** The filter box's rule, the same as list.js applies: a case-insensitive substring. */
final class Filter {

    private Filter() {
    }

    static String needle(String query) {
        return query.strip().toLowerCase(Locale.ROOT);
    }

    static boolean contains(String text, String needle) {
        return text.toLowerCase(Locale.ROOT).contains(needle);
    }
}

package dev.curation.command.list.web;

import dev.curation.core.input.InputException;

/** The list version as an entity tag: {@code "3"}. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or null without one. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InputException.Invalid("If-Match", "must be the list version as an entity tag, e.g. \"3\"");
        }
    }
}

package dev.curation.core.document;

import java.util.Objects;

/**
 * A link line: {@code title}, {@code url} and {@code description} are what the line says;
 * {@code raw} is the line itself (terminator included) and is what gets written back.
 */
public record Entry(String id, String raw, String title, String url, String description) implements Block {

    public Entry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(description, "description");
    }

    /**
     * What two URLs must share to count as the same link: surrounding white space and one trailing
     * slash do not count, nor does case (code point by code point, as {@link String#equalsIgnoreCase} compares).
     */
    public static String urlKey(String url) {
        String u = url.strip();
        if (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        StringBuilder key = new StringBuilder(u.length());
        u.codePoints().forEach(c -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return key.toString();
    }
}

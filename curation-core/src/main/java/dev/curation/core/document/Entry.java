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

    /** What two URLs must share to count as the same link: see {@link UrlKey}. */
    public static String urlKey(String url) {
        return UrlKey.of(url);
    }
}

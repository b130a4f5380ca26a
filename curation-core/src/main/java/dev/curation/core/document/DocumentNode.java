package dev.curation.core.document;

import java.util.Objects;

/**
 * A document flattened to one record per section or block, in document order; the form the
 * import events carry and read models store. {@code parent} is the id of the enclosing section,
 * {@code null} for top-level sections and preamble blocks. Fields a kind does not use are null.
 */
public record DocumentNode(Kind kind, String id, String parent, Integer level, String raw,
                           String title, String url, String description) {

    public enum Kind { SECTION, ENTRY, TEXT }

    public DocumentNode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raw, "raw");
    }

    public static DocumentNode of(Section section, String parent) {
        return new DocumentNode(Kind.SECTION, section.id(), parent, section.level(), section.heading(),
                section.title(), null, null);
    }

    public static DocumentNode of(Block block, String parent) {
        return switch (block) {
            case Entry e -> new DocumentNode(Kind.ENTRY, e.id(), parent, null, e.raw(), e.title(), e.url(),
                    e.description());
            case Text t -> new DocumentNode(Kind.TEXT, t.id(), parent, null, t.raw(), null, null, null);
        };
    }
}

package dev.curation.core.document;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A document flattened to one record per section or block, in document order; the form the
 * import events carry and read models store. {@code parent} is the {@link Parent#wireId() wire id}
 * of its {@link Parent}: the enclosing section's id, null for top-level sections and preamble
 * blocks. Fields a kind does not use are null.
 */
public record DocumentNode(Kind kind, String id, @Nullable String parent, @Nullable Integer level, String raw,
                           @Nullable String title, @Nullable String url, @Nullable String description) {

    public enum Kind { SECTION, ENTRY, TEXT }

    public DocumentNode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raw, "raw");
    }

    public static DocumentNode of(Section section, Parent parent) {
        return new DocumentNode(Kind.SECTION, section.id(), parent.wireId(), section.level(), section.heading(),
                section.title(), null, null);
    }

    public static DocumentNode of(Block block, Parent parent) {
        return switch (block) {
            case Entry e -> new DocumentNode(Kind.ENTRY, e.id(), parent.wireId(), null, e.raw(), e.title(), e.url(),
                    e.description());
            case Text t -> new DocumentNode(Kind.TEXT, t.id(), parent.wireId(), null, t.raw(), null, null, null);
        };
    }
}

package dev.curation.core.edit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a change set. Ids are those of the structure JSON; a {@code position} is the
 * 0-based index the item has among the target's entries (or child sections, or blocks for text)
 * once the edit is done, {@code null} meaning at the end. A {@code null} parent means the top
 * level. What may be null is marked {@link Nullable}; an op's JSON name is its record's name with
 * a small first letter ({@code addLink}), and its JSON fields are the record's components.
 */
public sealed interface Edit {

    /** The ids of existing items this edit changes; a clash is another change to one of them since the base version. */
    List<String> touches();

    record AddLink(String section, @Nullable Integer position, String title, String url, @Nullable String description) implements Edit {
        public List<String> touches() {
            return List.of();
        }
    }

    record EditLink(String entry, @Nullable String title, @Nullable String url, @Nullable String description) implements Edit {
        public List<String> touches() {
            return List.of(entry);
        }
    }

    record RemoveLink(String entry) implements Edit {
        public List<String> touches() {
            return List.of(entry);
        }
    }

    record MoveLink(String entry, String section, @Nullable Integer position) implements Edit {
        public List<String> touches() {
            return List.of(entry);
        }
    }

    record AddSection(@Nullable String parent, @Nullable Integer position, String title) implements Edit {
        public List<String> touches() {
            return List.of();
        }
    }

    record RenameSection(String section, String title) implements Edit {
        public List<String> touches() {
            return List.of(section);
        }
    }

    record MoveSection(String section, @Nullable String parent, @Nullable Integer position) implements Edit {
        public List<String> touches() {
            return List.of(section);
        }
    }

    /** Removes a section; one that still holds entries (or sub-sections) needs {@code withContent} true. */
    record RemoveSection(String section, boolean withContent) implements Edit {
        public List<String> touches() {
            return List.of(section);
        }
    }

    record AddText(String section, @Nullable Integer position, String text) implements Edit {
        public List<String> touches() {
            return List.of();
        }
    }

    record EditText(String block, String text) implements Edit {
        public List<String> touches() {
            return List.of(block);
        }
    }

    record RemoveText(String block) implements Edit {
        public List<String> touches() {
            return List.of(block);
        }
    }
}

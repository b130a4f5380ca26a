package dev.curation.core.edit;

/**
 * One operation of a change set. Ids are those of the structure JSON; a {@code position} is the
 * 0-based index the item has among the target's entries (or child sections, or blocks for text)
 * once the edit is done, {@code null} meaning at the end.
 */
public sealed interface Edit {

    /** The ids of existing items this edit changes; a clash is another change to one of them since the base version. */
    java.util.List<String> touches();

    record AddLink(String section, Integer position, String title, String url, String description) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of();
        }
    }

    record EditLink(String entry, String title, String url, String description) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of(entry);
        }
    }

    record RemoveLink(String entry) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of(entry);
        }
    }

    record MoveLink(String entry, String section, Integer position) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of(entry);
        }
    }

    record AddSection(String parent, Integer position, String title) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of();
        }
    }

    record RenameSection(String section, String title) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of(section);
        }
    }

    record MoveSection(String section, String parent, Integer position) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of(section);
        }
    }

    /** Removes a section; one that still holds entries (or sub-sections) needs {@code withContent} true. */
    record RemoveSection(String section, boolean withContent) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of(section);
        }
    }

    record AddText(String section, Integer position, String text) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of();
        }
    }

    record EditText(String block, String text) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of(block);
        }
    }

    record RemoveText(String block) implements Edit {
        public java.util.List<String> touches() {
            return java.util.List.of(block);
        }
    }
}

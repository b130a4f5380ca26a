package dev.curation.core.edit;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Why a change set cannot be applied; each kind maps to one HTTP status in the services. */
public abstract sealed class EditException extends RuntimeException permits EditException.Invalid,
        EditException.UnknownItem, EditException.DuplicateUrl, EditException.Clash, EditException.NotEmpty {

    private static final long serialVersionUID = 1L;
    private final @Nullable String field;

    EditException(@Nullable String field, String message) {
        super(message);
        this.field = field;
    }

    /** The JSON path of the edit's field it is about, e.g. {@code edits[0].url}; null when about no one field. */
    public @Nullable String field() {
        return field;
    }

    /** A field of an edit is not acceptable (400). {@code field} is its JSON path, e.g. {@code edits[0].url}. */
    public static final class Invalid extends EditException {
        private static final long serialVersionUID = 1L;

        public Invalid(String field, String message) {
            super(field, field + ": " + message);
        }

        @Override
        public String field() {
            return Objects.requireNonNull(super.field());
        }
    }

    /** An id names no section, entry or block of the list (404). */
    public static final class UnknownItem extends EditException {
        private static final long serialVersionUID = 1L;
        private final String id;

        public UnknownItem(String field, String id, String kind) {
            super(field, field + ": no " + kind + " with id '" + id + "' in this list");
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The URL is already in the list (409), naming the entry that has it. */
    public static final class DuplicateUrl extends EditException {
        private static final long serialVersionUID = 1L;
        private final String url;
        private final String existingEntry;

        public DuplicateUrl(String field, String url, String existingEntry) {
            super(field, field + ": " + url + " is already in the list as entry " + existingEntry);
            this.url = url;
            this.existingEntry = existingEntry;
        }

        public String url() {
            return url;
        }

        public String existingEntry() {
            return existingEntry;
        }
    }

    /** Items the change set touches were changed since its base version (409). */
    public static final class Clash extends EditException {
        private static final long serialVersionUID = 1L;
        private final List<String> items;
        private final long baseVersion;
        private final long currentVersion;

        public Clash(List<String> items, long baseVersion, long currentVersion) {
            super(null, "items " + items + " changed since version " + baseVersion + " (the list is at version "
                    + currentVersion + ")");
            this.items = List.copyOf(items);
            this.baseVersion = baseVersion;
            this.currentVersion = currentVersion;
        }

        public List<String> items() {
            return items;
        }

        public long baseVersion() {
            return baseVersion;
        }

        public long currentVersion() {
            return currentVersion;
        }
    }

    /** A section that still holds entries or sub-sections is removed without saying what happens to them (409). */
    public static final class NotEmpty extends EditException {
        private static final long serialVersionUID = 1L;
        private final String section;

        public NotEmpty(String field, String section, int entries, int sections) {
            super(field, field + ": section " + section + " still holds " + entries + " entries and " + sections
                    + " sub-sections; set \"withContent\": true to remove them too, or move them first");
            this.section = section;
        }

        public String section() {
            return section;
        }
    }
}

package dev.curation.command.list;

/**
 * Keeps slugs unique across lists. A claim must be part of the transaction that stores the
 * import's events, so a failed import leaves the slug free and two concurrent imports of one
 * slug cannot both succeed.
 */
public interface SlugRegistry {

    /** @throws SlugTakenException if another list has the slug */
    void claim(String slug, String listId);

    final class SlugTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String slug;

        public SlugTakenException(String slug) {
            super("a list with slug '" + slug + "' already exists");
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }
}

package dev.curation.core.list;

import java.util.regex.Pattern;

/** The name of a list in URLs: lower-case letters and digits, single hyphens, dots or underscores between them. */
public final class Slug {

    public static final int MAX_LENGTH = 100;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:[-._][a-z0-9]+)*");

    private Slug() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    /** @throws InvalidSlugException naming what is wrong */
    public static String check(String slug) {
        if (slug == null || slug.isEmpty()) {
            throw new InvalidSlugException("slug is required");
        }
        if (!isValid(slug)) {
            throw new InvalidSlugException("slug '" + slug + "' must be at most " + MAX_LENGTH
                    + " characters of a-z and 0-9, with single '-', '.' or '_' between them");
        }
        return slug;
    }

    public static final class InvalidSlugException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidSlugException(String message) {
            super(message);
        }
    }
}

package dev.curation.core.lint;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Headings' anchors as GitHub makes them, which is what tables of contents in lists link to. */
final class HeadingAnchors {

    private HeadingAnchors() {
    }

    /**
     * GitHub's slug of a heading: the text of its links kept, lower case, every character that is
     * not a letter, digit, mark, space, hyphen or underscore dropped, spaces made hyphens.
     */
    static String slug(String title) {
        String text = title.strip().replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    /** An anchor as written in a link, percent-escapes decoded (a malformed one is kept as written). */
    static String decode(String anchor) {
        try {
            return URLDecoder.decode(anchor.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return anchor;
        }
    }

    /** A section that holds the table of contents itself. */
    static boolean isContents(String title) {
        String t = title.strip().toLowerCase(Locale.ROOT);
        return t.equals("contents") || t.equals("table of contents") || t.equals("toc") || t.equals("目录");
    }
}

package dev.curation.core.document;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a link entry line: optional indentation and list bullet, then a link
 * {@code [title](url)} or a bare http(s) URL, then an optional description. Anything else is
 * not an entry and stays text.
 *
 * @param marker what precedes the link: indentation and bullet, such as {@code "* "}, {@code "- "} or {@code ""}
 * @param rest   what follows the link, verbatim
 */
public record EntryLine(String marker, String title, String url, String rest, boolean bare) {

    private static final String SEPARATORS = "-–—:：|,，";

    public static Optional<EntryLine> parse(String line) {
        String content = Lines.content(line);
        int start = markerEnd(content);
        String marker = content.substring(0, start);
        if (start < content.length() && content.charAt(start) == '[') {
            int close = closing(content, start, '[', ']');
            if (close < 0 || close + 1 >= content.length() || content.charAt(close + 1) != '(') {
                return Optional.empty();
            }
            int end = closing(content, close + 1, '(', ')');
            if (end < 0) {
                return Optional.empty();
            }
            return Optional.of(new EntryLine(marker, unescape(content.substring(start + 1, close)),
                    destination(content.substring(close + 2, end)), content.substring(end + 1), false));
        }
        if (content.startsWith("http://", start) || content.startsWith("https://", start)) {
            int end = start;
            while (end < content.length() && !Character.isWhitespace(content.charAt(end))) {
                end++;
            }
            String url = content.substring(start, end);
            return Optional.of(new EntryLine(marker, url, url, content.substring(end), true));
        }
        return Optional.empty();
    }

    /** Link text without the backslashes that escape brackets and backslashes. */
    static String unescape(String title) {
        if (title.indexOf('\\') < 0) {
            return title;
        }
        StringBuilder out = new StringBuilder(title.length());
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '\\' && i + 1 < title.length() && "[]\\".indexOf(title.charAt(i + 1)) >= 0) {
                c = title.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Link destination: trimmed, without the angle brackets of {@code <url>}. */
    static String destination(String inside) {
        String url = inside.strip();
        if (url.length() >= 2 && url.startsWith("<") && url.endsWith(">")) {
            return url.substring(1, url.length() - 1);
        }
        return url;
    }

    /** The separator between link and description, e.g. {@code " - "}; null if the line has no description. */
    public @Nullable String separator() {
        String description = description();
        if (description.isEmpty()) {
            return null;
        }
        return rest.substring(0, rest.indexOf(description));
    }

    /** The description a reader sees: the rest without leading separators and surrounding blanks. */
    public String description() {
        int i = 0;
        while (i < rest.length() && (Character.isWhitespace(rest.charAt(i)) || SEPARATORS.indexOf(rest.charAt(i)) >= 0)) {
            i++;
        }
        return rest.substring(i).strip();
    }

    private static int markerEnd(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isBlank(s.charAt(i))) {
            i++;
        }
        int j = i;
        if (j < n && "*+-".indexOf(s.charAt(j)) >= 0) {
            j++;
        } else {
            int digits = 0;
            while (j < n && Character.isDigit(s.charAt(j)) && digits < 9) {
                j++;
                digits++;
            }
            if (digits == 0 || j >= n || (s.charAt(j) != '.' && s.charAt(j) != ')')) {
                return i;
            }
            j++;
        }
        if (j >= n || !isBlank(s.charAt(j))) {
            return i;
        }
        while (j < n && isBlank(s.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Index of the bracket closing the one at {@code open}, honouring nesting and backslash escapes; -1 if none. */
    private static int closing(String s, int open, char opening, char closing) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}

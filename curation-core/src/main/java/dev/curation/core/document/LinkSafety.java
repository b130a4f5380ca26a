package dev.curation.core.document;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a link destination is safe to offer as a link. Imported Markdown keeps whatever its
 * author wrote, {@code javascript:} included (the export must stay byte-exact), so readers of the
 * structure decide per link: a link is unsafe when a browser would take it as an absolute URL
 * whose scheme is not http, https or mailto. Relative links ({@code #top}, {@code ./a.md},
 * {@code //host/x}) and empty ones are safe.
 *
 * <p>The destination is first read the way a Markdown renderer and a browser would: backslash
 * escapes and HTML character references decoded ({@code javascript&#58;} is {@code javascript:}),
 * leading and trailing controls and spaces stripped, tabs and line breaks removed. What is left
 * is judged conservatively: any other control character, or a colon before the first
 * {@code /}, {@code ?} or {@code #} that does not follow http, https or mailto, makes it unsafe.
 */
public final class LinkSafety {

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

    private LinkSafety() {
    }

    public static boolean unsafe(String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        String s = effective(url);
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c) || (Character.isSurrogate(c) && !validPair(s, i))) {
                return true;
            }
            if (c == '/' || c == '?' || c == '#') {
                end = Math.min(end, i);
            }
        }
        int colon = s.indexOf(':');
        if (colon < 0 || colon > end) {
            return false; // relative: no scheme before the path, query or fragment
        }
        return !SAFE_SCHEMES.contains(s.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    /** The destination as a browser would see it after Markdown and HTML decoding. */
    static String effective(String url) {
        String decoded = decodeReferences(unescape(url));
        int start = 0;
        int end = decoded.length();
        while (start < end && decoded.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && decoded.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = decoded.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') { // browsers drop these anywhere in a URL
                out.append(c);
            }
        }
        return out.toString();
    }

    /** CommonMark backslash escapes: a backslash before ASCII punctuation stands for the punctuation. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && isAsciiPunctuation(s.charAt(i + 1))) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Numeric character references (with or without the final semicolon, as HTML's legacy parsing
     * allows) and the named ones that spell URL syntax: {@code &colon;}, {@code &Tab;}, {@code &NewLine;}.
     */
    private static String decodeReferences(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int next = named(s, i, out);
            if (next < 0) {
                next = numeric(s, i, out);
            }
            if (next < 0) {
                out.append(c);
                next = i + 1;
            }
            i = next;
        }
        return out.toString();
    }

    private static int named(String s, int at, StringBuilder out) {
        for (String[] reference : new String[][] {{"&colon;", ":"}, {"&Tab;", "\t"}, {"&NewLine;", "\n"}}) {
            if (s.startsWith(reference[0], at)) {
                out.append(reference[1]);
                return at + reference[0].length();
            }
        }
        return -1;
    }

    private static int numeric(String s, int at, StringBuilder out) {
        int i = at + 1;
        if (i >= s.length() || s.charAt(i) != '#') {
            return -1;
        }
        i++;
        boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
        if (hex) {
            i++;
        }
        int digitsStart = i;
        long value = 0;
        while (i < s.length() && Character.digit(s.charAt(i), hex ? 16 : 10) >= 0 && i - digitsStart < 8) {
            value = value * (hex ? 16 : 10) + Character.digit(s.charAt(i), hex ? 16 : 10);
            i++;
        }
        if (i == digitsStart) {
            return -1;
        }
        if (i < s.length() && s.charAt(i) == ';') {
            i++;
        }
        out.appendCodePoint(value == 0 || value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)
                ? 0xFFFD : (int) value);
        return i;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '~' && !Character.isLetterOrDigit(c);
    }
}

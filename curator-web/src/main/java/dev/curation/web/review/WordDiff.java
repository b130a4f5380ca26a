package dev.curation.web.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A word-level diff of two short texts (a title, a description, a URL): the longest common
 * subsequence of their tokens. A token is a run of letters or digits, a run of spaces, or one
 * other character; Han, kana and Hangul count one character each, since those scripts put no
 * spaces between words. Texts are short, so the quadratic table is fine; beyond {@link #MAX_TOKENS}
 * the texts are shown as replaced whole.
 */
public final class WordDiff {

    static final int MAX_TOKENS = 2000;

    private WordDiff() {
    }

    /** The segments turning {@code before} into {@code after}, adjacent ones of a kind merged. */
    public static List<Segment> of(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            List<Segment> whole = new ArrayList<>();
            add(whole, Segment.Kind.REMOVED, before);
            add(whole, Segment.Kind.ADDED, after);
            return whole;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                add(segments, Segment.Kind.SAME, a.get(i++));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                add(segments, Segment.Kind.REMOVED, a.get(i++));
            } else {
                add(segments, Segment.Kind.ADDED, b.get(j++));
            }
        }
        while (i < a.size()) {
            add(segments, Segment.Kind.REMOVED, a.get(i++));
        }
        while (j < b.size()) {
            add(segments, Segment.Kind.ADDED, b.get(j++));
        }
        return grouped(segments);
    }

    /**
     * Easier to read: a lone space kept between two changes joins them, and each run of changes
     * reads as all it removes, then all it adds ("self-contained SQL" rather than word by word).
     */
    private static List<Segment> grouped(List<Segment> segments) {
        List<Segment> grouped = new ArrayList<>();
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        for (int k = 0; k < segments.size(); k++) {
            Segment segment = segments.get(k);
            boolean between = k > 0 && k < segments.size() - 1 && !segments.get(k - 1).same() && !segments.get(k + 1).same();
            if (segment.same() && !(between && segment.text().isBlank())) {
                flush(grouped, removed, added);
                grouped.add(segment);
            } else {
                if (!segment.added()) {
                    removed.append(segment.text());
                }
                if (!segment.removed()) {
                    added.append(segment.text());
                }
            }
        }
        flush(grouped, removed, added);
        return grouped;
    }

    private static void flush(List<Segment> into, StringBuilder removed, StringBuilder added) {
        add(into, Segment.Kind.REMOVED, removed.toString());
        add(into, Segment.Kind.ADDED, added.toString());
        removed.setLength(0);
        added.setLength(0);
    }

    /** The old side: what stayed and what went. */
    public static List<Segment> before(List<Segment> diff) {
        return diff.stream().filter(s -> !s.added()).toList();
    }

    /** The new side: what stayed and what came. */
    public static List<Segment> after(List<Segment> diff) {
        return diff.stream().filter(s -> !s.removed()).toList();
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int point = text.codePointAt(i);
            int end = i + Character.charCount(point);
            if (!ideographic(point) && Character.isLetterOrDigit(point)) {
                end = runOf(text, end, p -> !ideographic(p) && Character.isLetterOrDigit(p));
            } else if (Character.isWhitespace(point)) {
                end = runOf(text, end, Character::isWhitespace);
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    private static int runOf(String text, int from, IntPredicate kind) {
        int end = from;
        while (end < text.length() && kind.test(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        return end;
    }

    private static boolean ideographic(int point) {
        Character.UnicodeScript script = Character.UnicodeScript.of(point);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static void add(List<Segment> segments, Segment.Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!segments.isEmpty() && segments.getLast().kind() == kind) {
            Segment last = segments.removeLast();
            segments.add(new Segment(kind, last.text() + text));
        } else {
            segments.add(new Segment(kind, text));
        }
    }
}

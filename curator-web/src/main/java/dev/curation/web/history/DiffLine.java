package dev.curation.web.history;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a unified diff, with what it is: a page marks added and removed lines with ins/del
 * and words for screen readers, not colour alone.
 *
 * @param kind added, removed, hunk (the @@ line), file (the ---/+++ lines) or context
 * @param text the line as the diff has it, its +/- sign included
 */
public record DiffLine(String kind, String text) {

    public boolean added() {
        return kind.equals("added");
    }

    public boolean removed() {
        return kind.equals("removed");
    }

    /** The lines of {@code diff} (text/x-diff); an empty diff has none. */
    public static List<DiffLine> parse(String diff) {
        List<DiffLine> lines = new ArrayList<>();
        if (diff.isEmpty()) {
            return lines;
        }
        for (String line : diff.split("\r?\n", -1)) {
            lines.add(new DiffLine(kind(line), line));
        }
        // the diff's final newline is not a line of its own
        if (!lines.isEmpty() && lines.getLast().text().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    private static String kind(String line) {
        if (line.startsWith("+++") || line.startsWith("---")) {
            return "file";
        }
        if (line.startsWith("@@")) {
            return "hunk";
        }
        if (line.startsWith("+")) {
            return "added";
        }
        return line.startsWith("-") ? "removed" : "context";
    }
}

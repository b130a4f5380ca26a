package dev.curation.web.review;

import java.util.List;

/** A line of a unified diff, by kind, so that a page marks it with more than colour. */
public record DiffLine(Kind kind, String text) {

    /** What a line of a unified diff is. */
    public enum Kind { FILE, HUNK, ADDED, REMOVED, CONTEXT }

    /** The lines of {@code diff}, each without its +/-/space marker (the kind says it). */
    public static List<DiffLine> of(String diff) {
        return diff.lines().map(DiffLine::line).toList();
    }

    private static DiffLine line(String line) {
        if (line.startsWith("+++") || line.startsWith("---")) {
            return new DiffLine(Kind.FILE, line);
        }
        if (line.startsWith("@@")) {
            return new DiffLine(Kind.HUNK, line);
        }
        if (line.startsWith("+")) {
            return new DiffLine(Kind.ADDED, line.substring(1));
        }
        if (line.startsWith("-")) {
            return new DiffLine(Kind.REMOVED, line.substring(1));
        }
        return new DiffLine(Kind.CONTEXT, line.startsWith(" ") ? line.substring(1) : line);
    }

    public boolean added() {
        return kind == Kind.ADDED;
    }

    public boolean removed() {
        return kind == Kind.REMOVED;
    }

    public boolean header() {
        return kind == Kind.FILE || kind == Kind.HUNK;
    }
}

package dev.curation.web.review;

/** A piece of text in a word diff: the same on both sides, or only in the old, or only in the new. */
public record Segment(Kind kind, String text) {

    /** Where a segment stands. */
    public enum Kind { SAME, REMOVED, ADDED }

    public boolean same() {
        return kind == Kind.SAME;
    }

    public boolean removed() {
        return kind == Kind.REMOVED;
    }

    public boolean added() {
        return kind == Kind.ADDED;
    }
}

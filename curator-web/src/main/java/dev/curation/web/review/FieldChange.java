package dev.curation.web.review;

import java.util.List;

/** One field of an entry as an edit changes it: the old side and the new side, word by word. */
public record FieldChange(String field, List<Segment> before, List<Segment> after) {

    static FieldChange of(String field, String before, String after) {
        List<Segment> diff = WordDiff.of(before, after);
        return new FieldChange(field, WordDiff.before(diff), WordDiff.after(diff));
    }

    public boolean hasBefore() {
        return !before.isEmpty();
    }

    public boolean hasAfter() {
        return !after.isEmpty();
    }
}

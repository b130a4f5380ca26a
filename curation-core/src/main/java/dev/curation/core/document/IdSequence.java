package dev.curation.core.document;

/**
 * Hands out the ids of new sections ({@code s12}), entries ({@code e13}) and text blocks
 * ({@code t14}) of one list. One counter per list, so an id is never reused even after removal.
 */
public final class IdSequence {

    private long last;

    public IdSequence(long last) {
        this.last = last;
    }

    public String section() {
        return "s" + ++last;
    }

    public String entry() {
        return "e" + ++last;
    }

    public String text() {
        return "t" + ++last;
    }

    public long last() {
        return last;
    }

    /** The counter value an id was issued at, or 0 if the id is not one of ours. */
    public static long numberOf(String id) {
        if (id.length() < 2) {
            return 0;
        }
        try {
            return Long.parseLong(id, 1, id.length(), 10);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

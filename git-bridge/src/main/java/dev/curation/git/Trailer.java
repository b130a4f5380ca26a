package dev.curation.git;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * One {@code Key: value} line of a commit message's trailer block, as {@code git interpret-trailers}
 * reads and writes it: a key of letters, digits and dashes, a value on one line (no line break).
 */
public record Trailer(String key, String value) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    public Trailer {
        requireNonNull(key, "key");
        requireNonNull(value, "value");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a trailer key is letters, digits and dashes, not \"" + key + "\"");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the value of trailer " + key + " has a line break");
        }
        value = value.strip();
    }

    /** Whether this trailer's key is {@code key}, without regard to case (as git compares them). */
    public boolean is(String otherKey) {
        return key.equalsIgnoreCase(otherKey);
    }

    @Override
    public String toString() {
        return key + ": " + value;
    }
}

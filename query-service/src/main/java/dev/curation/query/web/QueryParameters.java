package dev.curation.query.web;

import dev.curation.core.input.FreeText;
import java.time.Instant;
import java.util.Arrays;

/**
 * The checks every read applies to its query parameters, so that any client input is answered
 * with a 400 naming the parameter before it reaches PostgreSQL (which refuses NUL and timestamps
 * past year 294276, and would answer those with a 500).
 */
public final class QueryParameters {

    /** Pages start at 0; beyond this no list has versions, and {@code page * size} stays far from overflowing. */
    public static final int MAX_PAGE = 1_000_000;
    /** Instants are accepted from year 1 to year 9999, the range ISO-8601 writes without a sign. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final int MAX_ECHO = 40;

    private QueryParameters() {
    }

    /**
     * Free text (a search query, an actor's name): at most {@code max} characters, no control
     * characters, no unpaired surrogates. Null stays null.
     */
    public static String text(String name, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new BadRequestException(name + " must be at most " + max + " characters, not " + value.length());
        }
        // the write side's rule for one-line text (curation-core), so both sides agree on what text is
        String problem = FreeText.problem(value, false);
        if (problem != null) {
            throw new BadRequestException(name + " " + problem);
        }
        return value;
    }

    /** A list version: versions count from 1. */
    public static long version(String name, long value) {
        if (value < 1) {
            throw new BadRequestException(name + " must be a version number, 1 or more, not " + value);
        }
        return value;
    }

    /** An inclusive range of whole numbers. */
    public static int between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadRequestException(name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    /** A client's value quoted for a problem's detail: shortened, so that a detail stays a sentence. */
    public static String echo(Object value) {
        // a repeated parameter arrives as an array, whose toString would name a Java type
        String text = value instanceof Object[] values ? String.join(",", Arrays.stream(values)
                .map(String::valueOf).toList()) : String.valueOf(value);
        StringBuilder out = new StringBuilder("'");
        // code point by code point: controls and unpaired surrogates (which JSON writers refuse) become U+FFFD
        text.codePoints().limit(MAX_ECHO).forEach(c -> out.appendCodePoint(
                Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE ? 0xFFFD : c));
        return out.append(text.codePointCount(0, text.length()) > MAX_ECHO ? "…'" : "'").toString();
    }
}

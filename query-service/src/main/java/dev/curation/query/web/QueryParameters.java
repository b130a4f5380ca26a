package dev.curation.query.web;

import dev.curation.core.input.FreeText;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;

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
    private static final int MAX_INSTANT = 64;
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

    /** One of a fixed set of words, or null. */
    public static String oneOf(String name, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new BadRequestException(name + " must be one of " + allowed + ", not " + echo(value));
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

    /** An ISO-8601 instant between years 1 and 9999; null or blank is absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String example = " such as 2026-11-23T09:00:00Z";
        if (value.length() > MAX_INSTANT) {
            throw new BadRequestException(name + " must be an ISO-8601 instant" + example + ", at most " + MAX_INSTANT
                    + " characters");
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant" + example + ", not " + echo(value));
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadRequestException(name + " must be an instant between years 1 and 9999, not " + echo(value));
        }
        return instant;
    }

    /** A client's value quoted for a problem's detail: shortened, so that a detail stays a sentence. */
    public static String echo(Object value) {
        // a repeated parameter arrives as an array, whose toString would name a Java type
        String text = value instanceof Object[] values ? String.join(",", java.util.Arrays.stream(values)
                .map(String::valueOf).toList()) : String.valueOf(value);
        StringBuilder out = new StringBuilder("'");
        // code point by code point: controls and unpaired surrogates (which JSON writers refuse) become U+FFFD
        text.codePoints().limit(MAX_ECHO).forEach(c -> out.appendCodePoint(
                Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE ? 0xFFFD : c));
        return out.append(text.codePointCount(0, text.length()) > MAX_ECHO ? "…'" : "'").toString();
    }
}

package dev.curation.command.web;

import dev.curation.service.Problems;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says what is wrong with a JSON body in the client's terms: where (a path such as
 * {@code edits[0].position}), what was expected as a JSON type, which limit was passed and the
 * property that sets it. Jackson's own messages name Java types; those never reach a client.
 */
final class JsonErrors {

    /** Jackson's constraint messages end with {@code (32, from `StreamReadConstraints.getMaxNestingDepth()`)}. */
    private static final Pattern CONSTRAINT = Pattern.compile(", from `?StreamReadConstraints\\.get(\\w+)\\(\\)`?");
    private static final int MAX_ECHO = 80;

    private JsonErrors() {
    }

    record Described(String field, String detail, boolean limit) {
    }

    static Described describe(JacksonException e) {
        String field = path(e);
        String prefix = field.isEmpty() ? "" : field + ": ";
        return switch (e) {
            case StreamConstraintsException c -> new Described(field, prefix + constraint(c), true);
            case UnrecognizedPropertyException u -> new Described(field, prefix + "unknown property; known: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")), false);
            case InvalidFormatException f -> new Described(field, prefix + "expected " + kind(f.getTargetType())
                    + ", not " + echo(f.getValue()), false);
            case MismatchedInputException m when m.getTargetType() != null ->
                    new Described(field, prefix + "expected " + kind(m.getTargetType()), false);
            default -> new Described(field, prefix + Problems.withoutClassNames(firstLine(e.getOriginalMessage()),
                    "the value is not valid here"), false);
        };
    }

    private static String constraint(StreamConstraintsException e) {
        String message = firstLine(e.getOriginalMessage());
        Matcher m = CONSTRAINT.matcher(message);
        if (!m.find()) {
            return Problems.withoutClassNames(message, "the JSON body is over a parser limit");
        }
        // getMaxNestingDepth -> spring.jackson.factory.constraints.read.max-nesting-depth
        String property = "spring.jackson.factory.constraints.read."
                + m.group(1).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return m.replaceFirst(Matcher.quoteReplacement("; " + property));
    }

    private static String kind(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == Byte.class || type == byte.class || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == Character.class || type == char.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String echo(Object value) {
        String text = value instanceof String s ? '"' + s + '"' : String.valueOf(value);
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** A Jackson reference path as JSON-ish text: {@code edits[0].position}. */
    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}

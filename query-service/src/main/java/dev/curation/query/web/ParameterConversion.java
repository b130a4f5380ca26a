package dev.curation.query.web;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How query parameters become values, once for every controller: an enum by its lower-case wire
 * name ({@code kind=edit}, see {@link EnumParameters}), an instant as ISO-8601 between years 1 and 9999 (PostgreSQL refuses
 * timestamps past year 294276). A value that does not convert is a 400 naming the parameter and
 * what it must be ({@link ProblemHandler}).
 */
@Configuration
class ParameterConversion implements WebMvcConfigurer {

    static final String INSTANT_EXAMPLE = "an ISO-8601 instant such as 2026-11-23T09:00:00Z";

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Instant.class, ParameterConversion::instant);
    }

    /** What a parameter of this type must be, for a problem's detail. */
    static String expected(Class<?> type) {
        if (type == Instant.class) {
            return INSTANT_EXAMPLE;
        }
        if (type.isEnum()) {
            return "one of " + wireNames(type);
        }
        return null;
    }

    static List<String> wireNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
    }

    static Instant instant(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > 64) {
            throw new IllegalArgumentException("longer than an instant");
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an instant", e);
        }
        if (instant.isBefore(QueryParameters.EARLIEST) || instant.isAfter(QueryParameters.LATEST)) {
            throw new OutOfRange("must be an instant between years 1 and 9999");
        }
        return instant;
    }

    /** A value of the right kind, but outside what is accepted; its message replaces the generic one. */
    static final class OutOfRange extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        OutOfRange(String message) {
            super(message);
        }
    }

    /**
     * Reads an enum by its lower-case wire name. A property editor, registered per enum by
     * {@link EnumParameters}, because Spring's conversion falls back to its own enum lookup when a
     * converter fails, and that lookup trims control characters away ({@code kind=%00} would be
     * read as no kind at all).
     */
    static final class WireNames<E extends Enum<E>> extends PropertyEditorSupport {
        private final Class<E> type;

        WireNames(Class<E> type) {
            this.type = type;
        }

        @Override
        public void setAsText(String text) {
            String name = text == null ? "" : text.strip();
            if (name.isEmpty()) {
                setValue(null);
                return;
            }
            if (!name.matches("[a-z_]{1,40}")) {
                throw new IllegalArgumentException("not a wire name");
            }
            try {
                setValue(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not one of the wire names", e);
            }
        }
    }
}

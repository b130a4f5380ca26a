package dev.curation.web.history;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The history page's filters as the reader typed them (kept in the form), and what they ask of the
 * API: days are whole UTC days, {@code to} included (the API's {@code to} is exclusive).
 *
 * @param actor   an account name, or blank
 * @param from    the first day, yyyy-MM-dd, or blank
 * @param to      the last day, yyyy-MM-dd, or blank
 * @param kind    import, edit, proposal, revert or commit, or blank
 * @param page    the page asked for, from 0
 * @param size    versions per page
 */
public record HistoryFilter(String actor, String from, String to, String kind, int page, int size) {

    static final Set<String> KINDS = Set.of("import", "edit", "proposal", "revert", "commit");
    static final int MAX_SIZE = 100;

    /** The filter of a request's parameters: numbers out of range come back in range. */
    static HistoryFilter of(@Nullable String actor, @Nullable String from, @Nullable String to, @Nullable String kind,
                            @Nullable String page, @Nullable String size) {
        return new HistoryFilter(trim(actor), trim(from), trim(to), trim(kind),
                Math.max(0, number(page, 0)), Math.clamp(number(size, 20), 1, MAX_SIZE));
    }

    /** What is wrong with the filter, as a message key, or null. */
    @Nullable String problem() {
        if (!kind.isEmpty() && !KINDS.contains(kind)) {
            return "history.filter.badKind";
        }
        if (actor.length() > 200) {
            return "history.filter.badActor";
        }
        try {
            day(from);
            day(to);
        } catch (DateTimeParseException unreadable) {
            return "history.filter.badDay";
        }
        return null;
    }

    /** The API's path template; its variables come from {@link #variables}. */
    String apiPath() {
        StringBuilder path = new StringBuilder("/api/lists/{slug}/history?page={page}&size={size}");
        if (!actor.isEmpty()) {
            path.append("&actor={actor}");
        }
        if (!from.isEmpty()) {
            path.append("&from={from}");
        }
        if (!to.isEmpty()) {
            path.append("&to={to}");
        }
        if (!kind.isEmpty()) {
            path.append("&kind={kind}");
        }
        return path.toString();
    }

    Object[] variables(String slug) {
        List<Object> variables = new ArrayList<>(List.of(slug, page, size));
        if (!actor.isEmpty()) {
            variables.add(actor);
        }
        Instant start = day(from);
        if (start != null) {
            variables.add(start.toString());
        }
        Instant end = day(to);
        if (end != null) {
            variables.add(end.plusSeconds(86_400).toString());
        }
        if (!kind.isEmpty()) {
            variables.add(kind);
        }
        return variables.toArray();
    }

    public boolean filtered() {
        return !actor.isEmpty() || !from.isEmpty() || !to.isEmpty() || !kind.isEmpty();
    }

    /** This page's address at another page number, the filters kept. */
    public String href(String slug, int other) {
        StringBuilder href = new StringBuilder("/lists/").append(encode(slug)).append("/history?page=").append(other);
        if (size != 20) {
            href.append("&size=").append(size);
        }
        param(href, "actor", actor);
        param(href, "from", from);
        param(href, "to", to);
        param(href, "kind", kind);
        return href.toString();
    }

    private static void param(StringBuilder href, String name, String value) {
        if (!value.isEmpty()) {
            href.append('&').append(name).append('=').append(encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static @Nullable Instant day(String day) {
        return day.isEmpty() ? null : LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String trim(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static int number(@Nullable String value, int otherwise) {
        try {
            return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
        } catch (NumberFormatException unreadable) {
            return otherwise;
        }
    }
}

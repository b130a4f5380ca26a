package dev.curation.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A page of a list endpoint ({@code /links}, {@code /proposals}, search): at most {@code limit}
 * items (1 to {@value #MAX_LIMIT}) from {@code offset} (0 to {@value #MAX_OFFSET}) in the
 * endpoint's own total order. When more follow, the next page's address is in the body's
 * {@code next} and in a {@code Link: <...>; rel="next"} header, so that no client reads an
 * unbounded answer.
 */
public record Paging(int limit, int offset) {

    public static final int MAX_LIMIT = 200;
    public static final int MAX_OFFSET = 1_000_000;
    public static final String LIMIT = "how many items at most, 1 to " + MAX_LIMIT;
    public static final String OFFSET = "how many items to skip (0 to " + MAX_OFFSET + "); the answer's next link "
            + "(and its Link rel=\"next\" header) carries the next page's";

    /** @throws BadRequestException naming the parameter and its range */
    public static Paging of(int limit, int offset) {
        QueryParameters.between("limit", limit, 1, MAX_LIMIT);
        QueryParameters.between("offset", offset, 0, MAX_OFFSET);
        return new Paging(limit, offset);
    }

    /** How many rows to read: one beyond the page tells whether another page follows. */
    public int fetch() {
        return limit + 1;
    }

    /** The page of {@code rows} (read with {@link #fetch()}), linking the next page when there is one. */
    public <T> Page<T> page(List<T> rows, HttpServletRequest request, HttpServletResponse response) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        String next = ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("offset", offset + limit).build().toUriString();
        response.setHeader(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        return new Page<>(rows.subList(0, limit), next);
    }

    /** {@code next}: the next page's address, null on the last page. */
    public record Page<T>(List<T> items, @Nullable String next) {
    }
}

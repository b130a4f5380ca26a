package dev.curation.query.list.web;

import dev.curation.service.Problems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A read asked for a version the projection had not committed within the wait: 503, ask again soon. */
class NotYetVisible extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /** Seconds a client should wait before asking again. */
    static final int RETRY_AFTER = 1;

    NotYetVisible(String slug, long wanted, long seen, Duration waited) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(slug, wanted, seen, waited), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER));
    }

    private static ProblemDetail problem(String slug, long wanted, long seen, Duration waited) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-visible", "Version not yet visible",
                seen == 0 ? "list '" + slug + "' is not visible here yet (waited " + waited.toMillis()
                        + " ms for version " + wanted + "); ask again after Retry-After"
                        : "list '" + slug + "' is at version " + seen + " here, not yet " + wanted + " (waited "
                        + waited.toMillis() + " ms); ask again after Retry-After");
        problem.setProperty("minVersion", wanted);
        problem.setProperty("visibleVersion", seen);
        return problem;
    }
}

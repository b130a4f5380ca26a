package dev.curation.command.web;

import dev.curation.service.Problems;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Reading a request body went past its limit. An {@link IOException} because it is thrown from
 * {@code InputStream.read}, so every reader (Jackson, the Markdown import, the Idempotency-Key
 * filter) fails with it instead of seeing a truncated body.
 */
final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    BodyTooLargeException(long limit, String property) {
        super("the request body is larger than the limit of " + limit + " bytes (" + property + ")");
        this.limit = limit;
    }

    ProblemDetail problem() {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large", getMessage());
        problem.setProperty("maxBytes", limit);
        return problem;
    }

    /** This exception anywhere in the causes of {@code failure} (readers wrap it). */
    static Optional<BodyTooLargeException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}

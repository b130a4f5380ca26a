package dev.curation.service;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one builder of both services' RFC 9457 problem details: a stable, documented type per kind
 * of problem ({@code urn:curation:problem:<kind>}), a title, a detail, and the request's path as
 * the instance.
 */
public final class Problems {

    /** What every type URI starts with; the kind follows. */
    public static final String TYPE_PREFIX = "urn:curation:problem:";

    /** A qualified Java class name, such as {@code java.lang.Integer}. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + kind));
        problem.setTitle(title);
        return problem;
    }

    /** Typed and titled after the status alone ({@link #kind}, {@link #title}): for refusals Spring MVC or the container makes. */
    public static ProblemDetail ofStatus(HttpStatusCode status, String detail) {
        return of(status, kind(status), title(status), detail);
    }

    /** Untyped ({@code about:blank}), as Spring writes its own: a status that says it all. */
    public static ProblemDetail untyped(HttpStatusCode status, @Nullable String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    /** The answer of a controller: {@link #of} at the request's path, as problem+json whatever was accepted. */
    public static ResponseEntity<ProblemDetail> answer(HttpStatusCode status, String kind, String title, String detail,
                                                       HttpServletRequest request) {
        return answer(at(of(status, kind, title, detail), request));
    }

    /** {@code problem} with its status, as problem+json (an endpoint producing Markdown still answers errors so). */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** {@code problem} with the request's path as its instance. */
    public static ProblemDetail at(ProblemDetail problem, HttpServletRequest request) {
        return at(problem, request.getRequestURI());
    }

    /** {@code problem} with {@code path} as its instance; none if the path is not a valid URI reference. */
    public static ProblemDetail at(ProblemDetail problem, @Nullable String path) {
        try {
            problem.setInstance(path == null ? null : URI.create(path));
        } catch (IllegalArgumentException e) {
            // a path the container let through but URI refuses: the problem does without an instance
        }
        return problem;
    }

    /** {@code not-found}, {@code method-not-allowed}, ...: the status's name, written as the services' own kinds are. */
    public static String kind(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "status-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code Method not allowed}: the reason phrase, written as the services' own titles are. */
    public static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return "Error " + status.value();
        }
        String phrase = known.getReasonPhrase();
        return phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT);
    }

    /** {@code detail}, or {@code fallback} when it is empty or names a Java class: those are for the log, not clients. */
    public static String withoutClassNames(@Nullable String detail, String fallback) {
        return detail == null || detail.isBlank() || CLASS_NAME.matcher(detail).find() ? fallback : detail;
    }

    /** A detail that says no more than the status does. */
    public static String generic(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known == null ? "status " + status.value() : known.getReasonPhrase().toLowerCase(Locale.ROOT);
        return status.is5xxServerError() ? "the server failed to handle the request (" + reason + ")"
                : "the request was refused (" + reason + ")";
    }
}

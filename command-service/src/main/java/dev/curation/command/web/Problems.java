package dev.curation.command.web;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with a stable, documented type per kind of problem. */
public final class Problems {

    /** A qualified Java class name, such as {@code java.lang.Integer}. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:curation:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    /** {@code detail}, or {@code fallback} when it is empty or names a Java class: those are for the log, not clients. */
    static String withoutClassNames(String detail, String fallback) {
        return detail == null || detail.isBlank() || CLASS_NAME.matcher(detail).find() ? fallback : detail;
    }

    /** A detail that says no more than the status does. */
    static String generic(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known == null ? "status " + status.value() : known.getReasonPhrase().toLowerCase(Locale.ROOT);
        return status.is5xxServerError() ? "the server failed to handle the request (" + reason + ")"
                : "the request was refused (" + reason + ")";
    }
}

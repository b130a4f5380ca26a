package dev.curation.query.web;

import dev.curation.query.history.ReadGate;
import dev.curation.query.history.StreamSlots;
import dev.curation.query.history.UnifiedDiff;
import dev.curation.query.list.ProjectedVersions;
import dev.curation.service.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answers problem+json: the service's own exceptions, Spring MVC's (405, 406, 415,
 * unknown paths, missing or mistyped parameters, whose details are rewritten here to name the
 * parameter and never a Java type) and anything unexpected, as a 500 without details.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Pattern TOMCAT_PARAMETER = Pattern.compile("Parameter \\[([^\\]]{1,100})\\]");

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return Problems.answer(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), request);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e, HttpServletRequest request) {
        return Problems.answer(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage(), request);
    }

    @ExceptionHandler(UnifiedDiff.TooLarge.class)
    ResponseEntity<ProblemDetail> diffTooLarge(UnifiedDiff.TooLarge e, HttpServletRequest request) {
        return Problems.answer(HttpStatus.UNPROCESSABLE_CONTENT, "diff-too-large", "Diff too large",
                e.getMessage() + "; ask for the structural diff instead: the same path with Accept: application/json",
                request);
    }

    @ExceptionHandler(ReadGate.Busy.class)
    ResponseEntity<ProblemDetail> busy(ReadGate.Busy e, HttpServletRequest request) {
        return busy(e.getMessage(), ReadGate.Busy.RETRY_AFTER, request);
    }

    /** 429: this client holds its share of change streams; another client may still open one. */
    @ExceptionHandler(StreamSlots.TooManyFromAddress.class)
    ResponseEntity<ProblemDetail> tooManyStreams(StreamSlots.TooManyFromAddress e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = Problems.answer(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams",
                "Too many streams", e.getMessage(), request);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(StreamSlots.RETRY_AFTER)).body(problem.getBody());
    }

    @ExceptionHandler(ProjectedVersions.TooManyWaits.class)
    ResponseEntity<ProblemDetail> tooManyWaits(ProjectedVersions.TooManyWaits e, HttpServletRequest request) {
        return busy(e.getMessage(), 1, request);
    }

    /** 503 busy: a bounded resource of reads is taken; ask again after {@code retryAfter} seconds. */
    private static ResponseEntity<ProblemDetail> busy(String detail, int retryAfter, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = Problems.answer(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy", detail, request);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfter)).body(problem.getBody());
    }

    /** The container could not decode the query string (bad UTF-8, a broken %-escape): Tomcat says so on first use. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException e, HttpServletRequest request) {
        return Problems.answer(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", undecodable(e), request);
    }

    static String undecodable(InvalidParameterException e) {
        Matcher name = TOMCAT_PARAMETER.matcher(String.valueOf(e.getMessage()));
        return "the query string could not be decoded: parameters must be UTF-8, percent-encoded"
                + (name.find() ? " (parameter " + QueryParameters.echo(name.group(1)) + ")" : "");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (databaseUnavailable(e)) {
            LOG.warn("database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            ResponseEntity<ProblemDetail> unavailable = Problems.answer(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    "Database unavailable", "the read models' database is unavailable; retry shortly", request);
            return ResponseEntity.status(unavailable.getStatusCode()).headers(unavailable.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "5").body(unavailable.getBody());
        }
        LOG.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the server failed to answer the request", request);
    }

    /** No connection to PostgreSQL, or it broke: a 503 to retry, not a 500. */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || (t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code version=abc}, {@code page=99999999999}: named, with what was expected, without Java's type names. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String expected = type == null ? null : ParameterConversion.expected(type);
        if (expected == null) {
            expected = type == int.class || type == Integer.class
                    ? "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                    : type == long.class || type == Long.class
                    ? "a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                    : "a valid value";
        }
        String what = e.getMostSpecificCause() instanceof ParameterConversion.OutOfRange range
                ? range.getMessage() : "must be " + expected;
        ProblemDetail body = Problems.ofStatus(HttpStatus.BAD_REQUEST,
                name + " " + what + ", not " + QueryParameters.echo(e.getValue()));
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail body = Problems.ofStatus(HttpStatus.BAD_REQUEST,
                "the query parameter " + e.getParameterName() + " is required");
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Spring MVC's problems get the same type, title, instance and media type as the service's own. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : Problems.untyped(status, null);
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            // Spring MVC's own: typed and titled after the status; the service's own keep theirs
            problem.setType(URI.create(Problems.TYPE_PREFIX + Problems.kind(status)));
            problem.setTitle(Problems.title(status));
        }
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest(HttpServletRequest.class) instanceof HttpServletRequest servlet) {
            Problems.at(problem, servlet.getRequestURI());
        }
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package dev.curation.command.web;

import dev.curation.command.list.DatabaseFailures;
import dev.curation.service.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container forwards failures that never reached Spring MVC's
 * handlers (an exception in a filter, a {@code sendError}), answered as problem+json in place of
 * Boot's BasicErrorController. Only the status is told: exception and message are for the log.
 * Requesting {@code /error} directly is a 404, whatever the method.
 */
@Hidden // not an operation of the API: where the servlet container forwards errors
@RestController
class ErrorProblemController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer value)) {
            return answer(notFound(request.getRequestURI()), request.getRequestURI());
        }
        HttpStatus status = HttpStatus.resolve(value);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original : request.getRequestURI();
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            // e.g. the Idempotency-Key filter could not reach the database
            var database = DatabaseFailures.of(failure);
            if (database.isPresent()) {
                return ProblemHandler.unavailable(database.get(), new ForwardedRequest(request, uri));
            }
        }
        ProblemDetail problem;
        if (status == HttpStatus.NOT_FOUND) {
            problem = notFound(uri);
        } else if (status.is5xxServerError()) {
            problem = Problems.of(status, "internal", "Internal error", Problems.generic(status));
        } else {
            problem = Problems.untyped(status, Problems.generic(status));
        }
        return answer(problem, uri);
    }

    /** The failed request's own path, for the problem's instance. */
    private static final class ForwardedRequest extends HttpServletRequestWrapper {
        private final String uri;

        ForwardedRequest(HttpServletRequest request, String uri) {
            super(request);
            this.uri = uri;
        }

        @Override
        public String getRequestURI() {
            return uri;
        }
    }

    private static ProblemDetail notFound(String uri) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "no resource at " + uri);
    }

    /** problem+json whatever the request accepts: an error has no other representation here. */
    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, String uri) {
        return Problems.answer(Problems.at(problem, uri));
    }
}

package dev.curation.query.web;

import dev.curation.service.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's BasicErrorController on {@code /error}, where the servlet container sends
 * the failures Spring MVC never saw (those of filters, or a {@code sendError}): they answer
 * problem+json with their status and a generic detail, never an exception's class or message.
 * A request for {@code /error} itself, with any method, is a 404 like any other unknown path.
 */
@Hidden
@RestController
class ErrorEndpoint implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorEndpoint.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            return Problems.answer(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "no resource at " + request.getRequestURI(), request);
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ResponseEntity<ProblemDetail> answer;
        if (exception instanceof InvalidParameterException undecodable) { // a filter read the query string first
            answer = Problems.answer(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    ProblemHandler.undecodable(undecodable), request);
        } else {
            HttpStatusCode status = code >= 400 && code <= 599 ? HttpStatusCode.valueOf(code) : HttpStatus.INTERNAL_SERVER_ERROR;
            if (status.is5xxServerError()) {
                LOG.error("error {} on {}", status.value(), path, exception instanceof Throwable t ? t : null);
            }
            String title = Problems.title(status);
            String detail = status.is5xxServerError() ? "the server failed to answer the request"
                    : "the request was refused: " + title;
            answer = Problems.answer(status, Problems.kind(status), title, detail, request);
        }
        Problems.at(answer.getBody(), path);
        return answer;
    }
}

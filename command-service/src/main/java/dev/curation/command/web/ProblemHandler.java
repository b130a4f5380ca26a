package dev.curation.command.web;

import dev.curation.command.list.SlugRegistry.SlugTakenException;
import dev.curation.core.list.Slug.InvalidSlugException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error answers problem+json; user errors are 4xx naming what is wrong, never a 500. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidSlugException.class)
    ProblemDetail invalidSlug(InvalidSlugException e, HttpServletRequest request) {
        return at(Problems.of(HttpStatus.BAD_REQUEST, "invalid-slug", "Invalid slug", e.getMessage()), request);
    }

    @ExceptionHandler(SlugTakenException.class)
    ProblemDetail slugTaken(SlugTakenException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "slug-taken", "Slug already taken", e.getMessage());
        problem.setProperty("slug", e.slug());
        return at(problem, request);
    }

    @ExceptionHandler(BadRequestBodyException.class)
    ProblemDetail badBody(BadRequestBodyException e, HttpServletRequest request) {
        return at(Problems.of(e.status(), e.type(), e.title(), e.getMessage()), request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        LOG.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return at(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the server failed to handle the request; nothing was stored"), request);
    }

    private static ProblemDetail at(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}

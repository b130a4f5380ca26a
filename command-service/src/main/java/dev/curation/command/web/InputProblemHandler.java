package dev.curation.command.web;

import dev.curation.command.config.EventTooLargeException;
import dev.curation.core.input.InputException;
import dev.curation.service.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the input contract: 400 for a value that is not acceptable, 413 for one beyond a
 * limit, each naming the field. Ordered before {@link ProblemHandler}, whose catch-all would
 * otherwise answer first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InputProblemHandler {

    @ExceptionHandler(InputException.class)
    ResponseEntity<ProblemDetail> input(InputException e, HttpServletRequest request) {
        ProblemDetail problem = switch (e) {
            case InputException.Invalid invalid ->
                    Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage());
            case InputException.TooLarge tooLarge ->
                    Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large", e.getMessage());
        };
        problem.setProperty("field", e.field());
        return ResponseEntity.status(problem.getStatus()).body(Problems.at(problem, request));
    }

    @ExceptionHandler(EventTooLargeException.class)
    ResponseEntity<ProblemDetail> eventTooLarge(EventTooLargeException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large", e.getMessage());
        return ResponseEntity.status(problem.getStatus()).body(Problems.at(problem, request));
    }
}

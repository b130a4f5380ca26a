package dev.curation.command.web;

import dev.curation.command.list.DatabaseFailures;
import dev.curation.command.list.SlugRegistry.SlugTakenException;
import dev.curation.core.edit.EditException;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.Slug.InvalidSlugException;
import dev.curation.service.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error answers problem+json; user errors are 4xx naming what is wrong, never a 500, and
 * no detail names a Java class (failures outside Spring MVC: {@link ErrorProblemController}).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidSlugException.class)
    ProblemDetail invalidSlug(InvalidSlugException e, HttpServletRequest request) {
        return Problems.at(Problems.of(HttpStatus.BAD_REQUEST, "invalid-slug", "Invalid slug", e.getMessage()), request);
    }

    @ExceptionHandler(SlugTakenException.class)
    ProblemDetail slugTaken(SlugTakenException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "slug-taken", "Slug already taken", e.getMessage());
        problem.setProperty("slug", e.slug());
        return Problems.at(problem, request);
    }

    @ExceptionHandler(BadRequestBodyException.class)
    ProblemDetail badBody(BadRequestBodyException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(e.status(), e.type(), e.title(), e.getMessage());
        if (!e.field().isEmpty()) {
            problem.setProperty("field", e.field());
        }
        return Problems.at(problem, request);
    }

    @ExceptionHandler(EditException.class)
    ProblemDetail edit(EditException e, HttpServletRequest request) {
        ProblemDetail problem = switch (e) {
            case EditException.Invalid invalid -> {
                ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "invalid-edit", "Invalid edit", e.getMessage());
                p.setProperty("field", invalid.field());
                yield p;
            }
            case EditException.UnknownItem unknown -> {
                ProblemDetail p = Problems.of(HttpStatus.NOT_FOUND, "unknown-item", "Unknown item", e.getMessage());
                p.setProperty("item", unknown.id());
                yield p;
            }
            case EditException.DuplicateUrl duplicate -> {
                ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "duplicate-url", "URL already in the list", e.getMessage());
                p.setProperty("url", duplicate.url());
                p.setProperty("existingEntry", duplicate.existingEntry());
                yield p;
            }
            case EditException.Clash clash -> {
                ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "clash", "Conflicting changes", RefusalDetail.of(clash));
                p.setProperty("items", clash.items());
                p.setProperty("baseVersion", clash.baseVersion());
                p.setProperty("currentVersion", clash.currentVersion());
                yield p;
            }
            case EditException.NotEmpty notEmpty -> {
                ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "section-not-empty", "Section not empty", e.getMessage());
                p.setProperty("section", notEmpty.section());
                yield p;
            }
        };
        return Problems.at(problem, request);
    }

    @ExceptionHandler(ListRuleException.class)
    ResponseEntity<ProblemDetail> rule(ListRuleException e, HttpServletRequest request) {
        ProblemDetail problem = switch (e) {
            case ListRuleException.NoSuchProposal n -> Problems.of(HttpStatus.NOT_FOUND, "unknown-proposal", "Unknown proposal", e.getMessage());
            case ListRuleException.IllegalTransition t -> Problems.of(HttpStatus.CONFLICT, "illegal-transition", "Not possible in this state", e.getMessage());
            case ListRuleException.NotAllowed n -> Problems.of(HttpStatus.FORBIDDEN, "not-allowed", "Not allowed", e.getMessage());
            case ListRuleException.VersionMismatch m -> {
                ProblemDetail p = Problems.of(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch", e.getMessage());
                p.setProperty("currentVersion", m.current());
                yield p;
            }
            case ListRuleException.UnknownBase b -> Problems.of(HttpStatus.BAD_REQUEST, "unknown-base-version", "Unknown base version", e.getMessage());
            case ListRuleException.NotRevertible r -> {
                ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "not-revertible", "Version cannot be reverted", e.getMessage());
                p.setProperty("field", "version");
                yield p;
            }
            case ListRuleException.NoSuchWebhook n -> Problems.of(HttpStatus.NOT_FOUND, "unknown-webhook", "Unknown webhook", e.getMessage());
            case ListRuleException.NoSuchComment n -> Problems.of(HttpStatus.NOT_FOUND, "unknown-comment", "Unknown comment", e.getMessage());
            case ListRuleException.StaleRevision r -> Problems.of(HttpStatus.CONFLICT, "stale-revision", "Not the latest revision", e.getMessage());
            case ListRuleException.NothingToFix n -> Problems.of(HttpStatus.CONFLICT, "nothing-to-fix", "Nothing to fix", e.getMessage());
            case ListRuleException.Forbidden f -> Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
            case ListRuleException.LastOwner o -> Problems.of(HttpStatus.CONFLICT, "last-owner", "The list's last owner",
                    e.getMessage());
            case ListRuleException.NoSuchMember m -> Problems.of(HttpStatus.NOT_FOUND, "unknown-member", "Unknown member",
                    e.getMessage());
            case ListRuleException.NothingToRollBack n -> Problems.of(HttpStatus.CONFLICT, "nothing-to-roll-back",
                    "Nothing to roll back", e.getMessage());
            case ListRuleException.Importing i -> Problems.of(HttpStatus.CONFLICT, "importing",
                    "Still importing its git history", e.getMessage());
            case ListRuleException.LintErrors l -> {
                ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "lint-error", "Adds a lint error", e.getMessage());
                p.setProperty("problems", LintProblemJson.of(l.problems()));
                yield p;
            }
        };
        return ResponseEntity.status(problem.getStatus()).body(Problems.at(problem, request));
    }

    @ExceptionHandler({NotFoundException.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e, HttpServletRequest request) {
        return Problems.at(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()), request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e, HttpServletRequest request) {
        return Problems.at(Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "another change to this list was stored at the same moment; nothing was applied, retry"), request);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.at(e.problem(), request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        Optional<BodyTooLargeException> tooLarge = BodyTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.at(tooLarge.get().problem(), servletRequest));
        }
        ProblemDetail problem;
        if (e.getCause() instanceof JacksonException jackson) {
            JsonErrors.Described described = JsonErrors.describe(jackson);
            problem = described.limit()
                    ? Problems.of(HttpStatus.BAD_REQUEST, "json-over-limit", "JSON over a limit", described.detail())
                    : Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", described.detail());
            if (!described.field().isEmpty()) {
                problem.setProperty("field", described.field());
            }
        } else {
            // the message names the controller method when the body is missing; it is not for clients
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON", e.getCause() == null
                    ? "the request body is missing" : "the request body could not be read");
        }
        return ResponseEntity.badRequest().body(Problems.at(problem, servletRequest));
    }

    /** Details written by Spring for its own exceptions (405, 406, 415, missing parameters, ...), minus class names. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setDetail(Problems.withoutClassNames(problem.getDetail(), Problems.generic(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        var database = DatabaseFailures.of(e);
        if (database.isPresent()) {
            LOG.warn("database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return unavailable(database.get(), request);
        }
        LOG.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(Problems.at(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "the server failed to handle the request"), request));
    }

    /** 503 with Retry-After: the database is away; the detail says whether anything may have been stored. */
    static ResponseEntity<ProblemDetail> unavailable(DatabaseFailures.Outcome outcome, HttpServletRequest request) {
        ProblemDetail problem = Problems.at(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "Database unavailable", DatabaseFailures.detail(outcome)), request);
        problem.setProperty("outcome", outcome == DatabaseFailures.Outcome.UNKNOWN ? "unknown" : "nothing-stored");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

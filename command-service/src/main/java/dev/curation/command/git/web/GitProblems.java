package dev.curation.command.git.web;

import dev.curation.git.GitBridgeException;
import dev.curation.service.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The git bridge's refusals as problem details: the caller's repository, branch or path (400,
 * naming the field), a file too large (413), a rewritten branch (409), a remote that fails (502).
 */
@RestControllerAdvice
class GitProblems {

    @ExceptionHandler(GitBridgeException.class)
    ResponseEntity<ProblemDetail> refused(GitBridgeException e, HttpServletRequest request) {
        ProblemDetail problem = switch (e.reason()) {
            case NO_SUCH_BRANCH -> field(HttpStatus.BAD_REQUEST, "no-such-branch", "No such branch", e, "branch");
            case NO_SUCH_FILE -> field(HttpStatus.BAD_REQUEST, "no-such-file", "No such file", e, "path");
            case PATH_OUTSIDE_REPOSITORY -> field(HttpStatus.BAD_REQUEST, "invalid-path", "Invalid path", e, "path");
            case URL_NOT_ALLOWED -> field(HttpStatus.BAD_REQUEST, "repository-not-allowed", "Repository not allowed", e,
                    "repository");
            case FILE_TOO_LARGE -> field(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large", e, "path");
            case RESUME_POINT_NOT_FOUND -> Problems.of(HttpStatus.CONFLICT, "branch-rewritten", "Branch rewritten",
                    String.valueOf(e.getMessage()));
            default -> Problems.of(HttpStatus.BAD_GATEWAY, "repository-unavailable", "Repository unavailable",
                    String.valueOf(e.getMessage()));
        };
        return ResponseEntity.status(problem.getStatus()).body(Problems.at(problem, request));
    }

    private static ProblemDetail field(HttpStatus status, String kind, String title, GitBridgeException e, String field) {
        ProblemDetail problem = Problems.of(status, kind, title, String.valueOf(e.getMessage()));
        problem.setProperty("field", field);
        return problem;
    }
}

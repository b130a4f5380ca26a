package dev.curation.query.list.web;

import dev.curation.query.list.GitImport;
import dev.curation.service.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The current Markdown or structure of a list whose git history is still being imported: 409. The
 * list's current version is only a point of the history on its way, not the list; its versions
 * (?version=N, ?at=), history, diffs and blame are served meanwhile.
 */
class StillImporting extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    StillImporting(String slug, GitImport state) {
        super(HttpStatus.CONFLICT, problem(slug, state), null);
    }

    private static ProblemDetail problem(String slug, GitImport state) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "importing", "List still importing",
                "list '" + slug + "' is still importing its git history (" + state.progress() + "): its current "
                        + "Markdown and structure are served once the import is complete; read an imported version "
                        + "with ?version=N (or ?at=) meanwhile");
        problem.setProperty("import", state);
        return problem;
    }
}

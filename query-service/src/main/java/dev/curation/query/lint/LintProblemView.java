package dev.curation.query.lint;

import dev.curation.core.lint.LintProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One lint problem as readers get it; {@code item} is absent for a problem of the whole list. */
public record LintProblemView(String rule, @Schema(allowableValues = {"error", "warning"}) String severity, String item,
                              int line, String message) {

    public static LintProblemView of(LintProblem problem) {
        return new LintProblemView(problem.rule(), problem.severity().wireName(), problem.item(), problem.line(),
                problem.message());
    }

    public static List<LintProblemView> of(List<LintProblem> problems) {
        return problems.stream().map(LintProblemView::of).toList();
    }
}

package dev.curation.query.lint;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.curation.core.lint.LintProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * One lint problem as readers get it; {@code item} is absent for a problem of the whole list;
 * {@code edit} only in a proposal's problems, when one of its edits creates or changes the item.
 */
public record LintProblemView(String rule, @Schema(allowableValues = {"error", "warning"}) String severity, String item,
                              int line, String message,
                              @Schema(description = "in a proposal's problems: the (0-based) edit of its current revision "
                                      + "that creates or changes the item (a link it adds has an id of its own only in the "
                                      + "preview); absent when no edit does")
                              @JsonInclude(JsonInclude.Include.NON_NULL) Integer edit) {

    public static LintProblemView of(LintProblem problem) {
        return new LintProblemView(problem.rule(), problem.severity().wireName(), problem.item(), problem.line(),
                problem.message(), null);
    }

    public static List<LintProblemView> of(List<LintProblem> problems) {
        return problems.stream().map(LintProblemView::of).toList();
    }

    /** A proposal's problems, each with the edit that creates or changes its item, by item, where one does. */
    public static List<LintProblemView> of(List<LintProblem> problems, Map<String, Integer> editOfItem) {
        return problems.stream().map(p -> new LintProblemView(p.rule(), p.severity().wireName(), p.item(), p.line(),
                p.message(), p.item() == null ? null : editOfItem.get(p.item()))).toList();
    }
}

package dev.curation.core.list;

import dev.curation.core.document.ListDocument;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.ListLinter;
import dev.curation.core.lint.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a change that adds an error: the document after the change's events is checked, and
 * only when it has errors is the document before checked too, so a list that already breaks a
 * rule can still be changed elsewhere. A problem counts as added when the document after has more
 * of its (rule, item) than the document before.
 */
public final class LintGate {

    private LintGate() {
    }

    /**
     * @throws ListRuleException.LintErrors naming each added error
     */
    public static void check(ListDocument before, List<? extends ListEvent> events, LintProfile profile) {
        ListDocument after = before.copy();
        for (ListEvent event : events) {
            after = ListFold.apply(after, event);
        }
        List<LintProblem> errors = errors(after, profile);
        if (errors.isEmpty()) {
            return;
        }
        Map<String, Integer> had = new HashMap<>();
        errors(before, profile).forEach(p -> had.merge(key(p), 1, Integer::sum));
        List<LintProblem> added = new ArrayList<>();
        for (LintProblem problem : errors) {
            if (had.merge(key(problem), -1, Integer::sum) < 0) {
                added.add(problem);
            }
        }
        if (!added.isEmpty()) {
            throw new ListRuleException.LintErrors(added);
        }
    }

    private static List<LintProblem> errors(ListDocument document, LintProfile profile) {
        return ListLinter.lint(document, profile).stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    private static String key(LintProblem problem) {
        return problem.rule() + " " + problem.item();
    }
}

package dev.curation.command.web;

import dev.curation.core.lint.LintProblem;
import java.util.List;

/**
 * A lint problem on the wire: the rule's id, {@code error} or {@code warning}, the item it is
 * about (empty for the whole list), its line in the exported Markdown, and a sentence.
 */
public record LintProblemJson(String rule, String severity, String item, int line, String message) {

    public static List<LintProblemJson> of(List<LintProblem> problems) {
        return problems.stream().map(p -> new LintProblemJson(p.rule(), p.severity().wireName(),
                p.item() == null ? "" : p.item(), p.line(), p.message())).toList();
    }
}

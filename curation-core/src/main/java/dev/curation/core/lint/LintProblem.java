package dev.curation.core.lint;

import org.jspecify.annotations.Nullable;

/**
 * One problem: the rule's id, how much it matters in the profile it was found with, the item it is
 * about (an entry, topic or text block id; null for the whole list), the line that item starts on
 * (1-based, in the exported Markdown), and a sentence that names the item.
 */
public record LintProblem(String rule, Severity severity, @Nullable String item, int line, String message) {
}

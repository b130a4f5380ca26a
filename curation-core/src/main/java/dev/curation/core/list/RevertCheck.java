package dev.curation.core.list;

import dev.curation.core.document.DocumentDiff;
import dev.curation.core.lint.LintProblem;
import java.util.List;

/**
 * What reverting versions {@code from} to {@code through} would do if it were done now and was not
 * refused: {@code asProposal} when the asker may only propose it (then the proposal's rules
 * applied, and {@code warnings} are the lint warnings the proposal would get; a curator's revert
 * gets none), the version it is checked against, and what would change, by id.
 */
public record RevertCheck(boolean asProposal, long currentVersion, long from, long through, List<LintProblem> warnings,
                          DocumentDiff changes) {

    public RevertCheck {
        warnings = List.copyOf(warnings);
    }
}

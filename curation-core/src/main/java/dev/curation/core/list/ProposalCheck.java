package dev.curation.core.list;

import dev.curation.core.lint.LintProblem;
import java.util.List;

/**
 * What a proposal of a change set would get if it were made now and was not refused: the version
 * it would be based on (the one asked for, or the list's current one) and the lint warnings it adds.
 */
public record ProposalCheck(long baseVersion, List<LintProblem> warnings) {

    public ProposalCheck {
        warnings = List.copyOf(warnings);
    }
}

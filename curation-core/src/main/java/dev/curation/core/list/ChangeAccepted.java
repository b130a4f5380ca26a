package dev.curation.core.list;

import dev.curation.core.lint.LintProblem;
import java.util.List;

/** A change set accepted as a new version, with the lint warnings it added (warnings never refuse). */
public record ChangeAccepted(long version, List<LintProblem> warnings) {

    public ChangeAccepted {
        warnings = List.copyOf(warnings);
    }
}

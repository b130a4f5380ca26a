package dev.curation.command.list.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.curation.command.web.LintProblemJson;
import java.util.List;

/**
 * A proposal after a request: its status, the version it became once approved, the lint warnings
 * it adds; {@code revision}, {@code approvals}, {@code required}: after an approval, where the review stands.
 */
@JsonInclude(Include.NON_NULL)
record ProposalState(String id, String status, Long version,
                     @JsonInclude(Include.NON_EMPTY) List<LintProblemJson> warnings,
                     Integer revision, Integer approvals, Integer required) {

    ProposalState(String id, String status, Long version) {
        this(id, status, version, List.of());
    }

    ProposalState(String id, String status, Long version, List<LintProblemJson> warnings) {
        this(id, status, version, warnings, null, null, null);
    }
}

package dev.curation.command.list.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.curation.core.document.DocumentDiff;
import dev.curation.core.list.RevertCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What reverting versions now would answer, nothing stored: refused (one error, the revert's or
 * the revert proposal's problem detail word for word) or accepted with what would change, by id,
 * in the shape of the query service's structural diff.
 */
@Schema(description = "What reverting the versions now would answer; nothing is stored")
@JsonInclude(Include.NON_NULL)
record RevertCheckView(
        @Schema(description = "whether the revert (or the revert proposal) would be accepted")
        boolean acceptable,
        @Schema(description = "revert: what POST /api/lists/{slug}/reverts would do (curators); proposal: what proposing "
                + "{\"op\":\"revert\"} would do (those who may only propose); absent when refused",
                allowableValues = {"revert", "proposal"})
        String as,
        @Schema(description = "the refusal (one error) or, for a proposal, the lint warnings it would get")
        List<ChangeSetCheck.CheckProblem> problems,
        @Schema(description = "the list's version the check was made against; absent when refused")
        Long currentVersion,
        @Schema(description = "the first version undone; absent when refused")
        Long reverted,
        @Schema(description = "the last version undone; absent when refused")
        Long through,
        @Schema(description = "entries the revert would add, remove, move or edit, as GET /api/lists/{slug}/diff (JSON) "
                + "of the query service names them; absent when refused")
        List<DocumentDiff.EntryChange> entries,
        @Schema(description = "topics the revert would add, remove, move or rename; absent when refused")
        List<DocumentDiff.SectionChange> sections) {

    static RevertCheckView accepted(RevertCheck check) {
        List<ChangeSetCheck.CheckProblem> warnings = check.warnings().stream()
                .map(p -> new ChangeSetCheck.CheckProblem(null, null, p.severity().wireName(), p.rule(), p.message())).toList();
        return new RevertCheckView(true, check.asProposal() ? "proposal" : "revert", warnings, check.currentVersion(),
                check.from(), check.through(), check.changes().entries(), check.changes().sections());
    }

    /** A refusal of the list or of the input contract ({@code ListCommandBatcher.isRefusal}). */
    static RevertCheckView refused(RuntimeException refusal) {
        return new RevertCheckView(false, null, ChangeSetCheck.refused(refusal).problems(), null, null, null, null, null);
    }
}

package dev.curation.command.list.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.curation.command.web.RefusalDetail;
import dev.curation.core.edit.EditException;
import dev.curation.core.input.InputException;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.ProposalCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What proposing a change set now would answer, nothing stored: refused (one error, the
 * proposal's problem detail word for word) or accepted with the lint warnings it would add.
 */
@Schema(description = "What proposing the change set now would answer; nothing is stored")
@JsonInclude(Include.NON_NULL)
record ChangeSetCheck(
        @Schema(description = "whether the proposal would be accepted")
        boolean acceptable,
        @Schema(description = "the refusal (one error) or the lint warnings the proposal would get")
        List<CheckProblem> problems,
        @Schema(description = "the version the proposal would be based on (the one sent, or the current one); absent when refused")
        Long baseVersion) {

    /** One thing the proposal would be told; {@code edit} and {@code field} when it is about one. */
    @JsonInclude(Include.NON_NULL)
    record CheckProblem(
            @Schema(description = "0-based index of the edit it is about")
            Integer edit,
            @Schema(description = "the field it is about: an edit's (url, title, section, ...), or rationale, edits, baseVersion")
            String field,
            @Schema(description = "error (the proposal would be refused) or warning", allowableValues = {"error", "warning"})
            String severity,
            @Schema(description = "the lint rule's id, for a lint problem")
            String rule,
            @Schema(description = "for an error, the detail the proposal's problem+json would have")
            String message) {
    }

    /** {@code edits[2].url}: edit 2, field url; {@code edits[2]}: edit 2; anything else names a field. */
    private static final Pattern EDIT_PATH = Pattern.compile("edits\\[(\\d+)](?:\\.(.+))?");

    static ChangeSetCheck accepted(ProposalCheck check) {
        List<CheckProblem> warnings = check.warnings().stream().map(ChangeSetCheck::warning).toList();
        return new ChangeSetCheck(true, warnings, check.baseVersion());
    }

    /** A refusal of the list or of the input contract ({@code ListCommandBatcher.isRefusal}). */
    static ChangeSetCheck refused(RuntimeException refusal) {
        String path = switch (refusal) {
            case EditException e -> e.field();
            case InputException e -> e.field();
            case ListRuleException.UnknownBase e -> "baseVersion";
            default -> null;
        };
        String rule = refusal instanceof ListRuleException.LintErrors lint && !lint.problems().isEmpty()
                ? lint.problems().getFirst().rule() : null;
        Integer edit = null;
        String field = path;
        Matcher matcher = path == null ? null : EDIT_PATH.matcher(path);
        if (matcher != null && matcher.matches()) {
            edit = Integer.valueOf(matcher.group(1));
            field = matcher.group(2);
        }
        return new ChangeSetCheck(false, List.of(new CheckProblem(edit, field, "error", rule, RefusalDetail.of(refusal))), null);
    }

    private static CheckProblem warning(LintProblem problem) {
        return new CheckProblem(null, null, problem.severity().wireName(), problem.rule(), problem.message());
    }
}

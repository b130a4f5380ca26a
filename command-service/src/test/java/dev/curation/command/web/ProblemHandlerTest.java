package dev.curation.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.edit.EditException;
import dev.curation.core.list.ListRuleException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Each refusal of the list's rules maps to one status and one documented problem type, with the
 * members clients act on; close to its cause, so that a change of mapping fails here first.
 */
class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/lists/tools/edits");

    @Test
    void refusedEditsMapToTheirStatusTypeAndMembers() {
        assertProblem(handler.edit(new EditException.Invalid("edits[0].url", "must not be empty"), request),
                400, "invalid-edit", "edits[0].url: must not be empty");
        assertThat(handler.edit(new EditException.Invalid("edits[0].url", "x"), request).getProperties())
                .containsEntry("field", "edits[0].url");

        ProblemDetail unknown = handler.edit(new EditException.UnknownItem("edits[0].entry", "e9", "entry"), request);
        assertProblem(unknown, 404, "unknown-item", "no entry with id 'e9'");
        assertThat(unknown.getProperties()).containsEntry("item", "e9");

        ProblemDetail duplicate = handler.edit(new EditException.DuplicateUrl("edits[0].url", "https://a.io", "e2"), request);
        assertProblem(duplicate, 409, "duplicate-url", "already in the list as entry e2");
        assertThat(duplicate.getProperties()).containsEntry("url", "https://a.io").containsEntry("existingEntry", "e2");

        ProblemDetail clash = handler.edit(new EditException.Clash(List.of("e2", "s1"), 3, 5), request);
        assertProblem(clash, 409, "clash", "nothing was applied");
        assertThat(clash.getProperties()).containsEntry("items", List.of("e2", "s1"))
                .containsEntry("baseVersion", 3L).containsEntry("currentVersion", 5L);

        ProblemDetail notEmpty = handler.edit(new EditException.NotEmpty("edits[0]", "s4", 2, 1), request);
        assertProblem(notEmpty, 409, "section-not-empty", "withContent");
        assertThat(notEmpty.getProperties()).containsEntry("section", "s4");
    }

    @Test
    void workflowRefusalsMapToTheirStatusAndType() {
        assertProblem(handler.rule(new ListRuleException.NoSuchProposal("p1"), request).getBody(), 404, "unknown-proposal", "p1");
        assertProblem(handler.rule(new ListRuleException.IllegalTransition("p1", "withdrawn", "approved"), request).getBody(),
                409, "illegal-transition", "withdrawn");
        assertProblem(handler.rule(new ListRuleException.NotAllowed("nobody approves their own proposal"), request).getBody(),
                403, "not-allowed", "own proposal");
        var mismatch = handler.rule(new ListRuleException.VersionMismatch(3, 5), request);
        assertThat(mismatch.getStatusCode().value()).isEqualTo(412);
        assertProblem(mismatch.getBody(), 412, "version-mismatch", "");
        assertThat(mismatch.getBody().getProperties()).containsEntry("currentVersion", 5L);
        assertProblem(handler.rule(new ListRuleException.UnknownBase(9, 5), request).getBody(), 400, "unknown-base-version", "");
        var notRevertible = handler.rule(new ListRuleException.NotRevertible(1, "is the import of the list; it cannot be reverted"), request);
        assertProblem(notRevertible.getBody(), 400, "not-revertible", "version 1 is the import");
        assertThat(notRevertible.getBody().getProperties()).containsEntry("field", "version");
    }

    private void assertProblem(ProblemDetail problem, int status, String type, String detailPart) {
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getType().toString()).isEqualTo("urn:curation:problem:" + type);
        assertThat(problem.getTitle()).isNotBlank();
        assertThat(problem.getDetail()).contains(detailPart);
        assertThat(problem.getInstance().toString()).isEqualTo("/api/lists/tools/edits");
    }
}

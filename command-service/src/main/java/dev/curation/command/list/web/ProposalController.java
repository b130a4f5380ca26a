package dev.curation.command.list.web;

import dev.curation.command.list.ListCommandBatcher;
import dev.curation.command.list.ListCommandBatcher.Commit;
import dev.curation.command.web.LintProblemJson;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRuleException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Proposals by their authors: propose (anyone signed in), check a change set before proposing it,
 * amend, withdraw; and the lint fixes a curator asks for.
 */
@Tag(name = ListEditController.TAG)
@RestController
class ProposalController {

    private final ListCommands commands;

    ProposalController(ListCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Propose a change set (anyone signed in); a curator approves or rejects it")
    @PostMapping(path = "/api/lists/{slug}/proposals", consumes = "application/json")
    ResponseEntity<ProposalState> propose(@PathVariable String slug, @RequestBody ChangeSetRequest request,
                                          Authentication user, HttpServletRequest http) {
        String id = UUID.randomUUID().toString();
        List<LintProblem> warnings = commands.send(new ListCommand.SubmitProposal(commands.listId(slug), id, request.baseVersion(),
                request.rationale(), request.edits()), user, http);
        return ResponseEntity.created(commands.proposal(slug, id))
                .body(new ProposalState(id, "submitted", null, LintProblemJson.of(warnings)));
    }

    @Operation(summary = "Check a change set as a proposal (anyone signed in): what proposing it now would answer, "
            + "storing nothing (no proposal, no event, no Idempotency-Key record)",
            description = "The body is the proposal's. A change set the list or the input contract refuses is a 200 with "
                    + "acceptable false and one error whose message is the detail the proposal would answer (with the edit "
                    + "and field it is about when known); an accepted one lists the lint warnings the proposal would add. "
                    + "A form calls it while its author types.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "checked: acceptable, problems, baseVersion"),
                    @ApiResponse(responseCode = "400", description = "the body is not JSON of a change set (a change set that "
                            + "would be refused is a 200 with acceptable false)"),
                    @ApiResponse(responseCode = "403", description = "signed in without a role on the list that may propose")})
    @PostMapping(path = "/api/lists/{slug}/proposals/checks", consumes = "application/json")
    ChangeSetCheck check(@PathVariable String slug, @RequestBody ChangeSetRequest request, Authentication user) {
        ListCommand.CheckProposal check = new ListCommand.CheckProposal(commands.listId(slug), request.baseVersion(),
                request.rationale(), request.edits());
        try {
            // stores nothing: not queued behind the writes of a batch, and no Idempotency-Key record (IdempotencyFilter)
            return ChangeSetCheck.accepted(commands.send(check, user, Commit.NOTHING));
        } catch (RuntimeException e) {
            // who may propose at all is not a property of the change set: 403 as for the proposal
            if (!ListCommandBatcher.isRefusal(e) || e instanceof ListRuleException.Forbidden) {
                throw e;
            }
            return ChangeSetCheck.refused(e);
        }
    }

    @Operation(summary = "Ask for a proposal that fixes the list's lint problems of the fixable rules (curators): "
            + "alphabetical, separator, description-capital, description-punctuation, heading-punctuation",
            responses = {
                    @ApiResponse(responseCode = "201", description = "proposed, by the curator who asked; Location: the proposal"),
                    @ApiResponse(responseCode = "400", description = "a rule that does not exist or cannot be fixed (named)"),
                    @ApiResponse(responseCode = "409", description = "nothing of those rules to fix")})
    @PostMapping(path = "/api/lists/{slug}/lint/fixes", consumes = "application/json")
    ResponseEntity<ProposalState> lintFixes(@PathVariable String slug, @RequestBody(required = false) FixRequest request,
                                            Authentication user, HttpServletRequest http) {
        String id = UUID.randomUUID().toString();
        List<LintProblem> warnings = commands.send(new ListCommand.ProposeLintFixes(commands.listId(slug), id,
                request == null ? null : request.rules()), user, http);
        return ResponseEntity.created(commands.proposal(slug, id))
                .body(new ProposalState(id, "submitted", null, LintProblemJson.of(warnings)));
    }

    /** {@code rules}: the fixable rules to fix; absent or empty for all of them that the profile enables. */
    record FixRequest(List<String> rules) {
    }

    @Operation(summary = "Amend your proposal: a new revision of its change set, against a base version of your choice")
    @PostMapping(path = "/api/lists/{slug}/proposals/{id}/revisions", consumes = "application/json")
    ResponseEntity<ProposalState> amend(@PathVariable String slug, @PathVariable String id, @RequestBody ChangeSetRequest request,
                                        Authentication user, HttpServletRequest http) {
        List<LintProblem> warnings = commands.send(new ListCommand.AmendProposal(commands.listId(slug), id, request.baseVersion(),
                request.rationale(), request.edits()), user, http);
        return ResponseEntity.created(commands.proposal(slug, id))
                .body(new ProposalState(id, "submitted", null, LintProblemJson.of(warnings)));
    }

    @Operation(summary = "Withdraw your own proposal")
    @PostMapping("/api/lists/{slug}/proposals/{id}/withdraw")
    ProposalState withdraw(@PathVariable String slug, @PathVariable String id, Authentication user, HttpServletRequest http) {
        commands.send(new ListCommand.WithdrawProposal(commands.listId(slug), id), user, http);
        return new ProposalState(id, "withdrawn", null);
    }
}

package dev.curation.command.list.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.curation.command.list.ListCommandBatcher;
import dev.curation.command.list.ListCommandBatcher.Commit;
import dev.curation.command.web.LintProblemJson;
import dev.curation.core.list.ChangeAccepted;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.RevertOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Direct edits of a list's content (curators): change sets, reverts and rollbacks, each one new version. */
@Tag(name = ListEditController.TAG)
@RestController
class ListEditController {

    /** The tag the API document groups every edit of a list under (the name of the one controller they began in). */
    static final String TAG = "list-edit-controller";

    private final ListCommands commands;

    ListEditController(ListCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Apply a change set directly (curators): one new version",
            responses = {
                    @ApiResponse(responseCode = "200", description = "applied; body {version, warnings?}, ETag the new version;"
                            + " warnings: lint warnings the change added near what it touched"),
                    @ApiResponse(responseCode = "400", description = "malformed JSON, unknown op, invalid field (named)"),
                    @ApiResponse(responseCode = "404", description = "unknown list, section, entry or block"),
                    @ApiResponse(responseCode = "409", description = "clash with changes since baseVersion, duplicate URL, non-empty section"),
                    @ApiResponse(responseCode = "412", description = "If-Match is not the current version"),
                    @ApiResponse(responseCode = "422", description = "adds a lint error (rule and item named in problems)")})
    @PostMapping(path = "/api/lists/{slug}/edits", consumes = "application/json")
    ResponseEntity<Version> edit(@PathVariable String slug, @RequestBody ChangeSetRequest request,
                                 @Parameter(description = "the list version as ETag, e.g. \"3\"")
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                 Authentication user, HttpServletRequest http) {
        ChangeAccepted accepted = commands.send(new ListCommand.ApplyChangeSet(commands.listId(slug), request.baseVersion(),
                request.rationale(), request.edits(), ETags.version(ifMatch)), user, http);
        return ResponseEntity.ok().eTag(ETags.of(accepted.version()))
                .body(new Version(accepted.version(), LintProblemJson.of(accepted.warnings())));
    }

    /** {@code warnings}: lint warnings the change added near what it touched; absent when none. */
    record Version(long version, @JsonInclude(Include.NON_EMPTY) List<LintProblemJson> warnings) {
    }

    @Operation(summary = "Revert a version, or versions version..throughVersion (curators): one new version that undoes "
            + "them exactly (removed content comes back with its ids and bytes), unless later changes clash (409 naming them)")
    @PostMapping(path = "/api/lists/{slug}/reverts", consumes = "application/json")
    ResponseEntity<Reverted> revert(@PathVariable String slug, @RequestBody RevertRequest request, Authentication user,
                                    HttpServletRequest http) {
        RevertOutcome outcome = commands.send(new ListCommand.RevertVersion(commands.listId(slug), request.version(),
                request.throughVersion()), user, http);
        return ResponseEntity.ok().eTag(ETags.of(outcome.version())).body(Reverted.of(outcome));
    }

    @Operation(summary = "Check a revert (curators), or a revert proposal (contributors): what reverting, or proposing "
            + "the revert, now would answer, storing nothing (no version, no event, no Idempotency-Key record)",
            description = "The body is the revert's. A curator gets what POST /api/lists/{slug}/reverts would answer (as "
                    + "revert); someone who may only propose gets what proposing {\"op\":\"revert\"} would answer (as "
                    + "proposal, with the lint warnings it would get). A revert that would be refused (a clash with later "
                    + "changes, the import, a version the list does not have) is a 200 with acceptable false and one error "
                    + "whose message is the refusal's detail word for word; an accepted one names the entries and topics it "
                    + "would change, in the shape of the query service's structural diff.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "checked: acceptable, as, problems, reverted, through, "
                            + "entries, sections"),
                    @ApiResponse(responseCode = "400", description = "the body is not JSON of a revert (a revert that would be "
                            + "refused is a 200 with acceptable false)"),
                    @ApiResponse(responseCode = "403", description = "signed in without a role on the list that may revert "
                            + "or propose")})
    @PostMapping(path = "/api/lists/{slug}/reverts/checks", consumes = "application/json")
    RevertCheckView checkRevert(@PathVariable String slug, @RequestBody RevertRequest request, Authentication user) {
        ListCommand.CheckRevert check = new ListCommand.CheckRevert(commands.listId(slug), request.version(),
                request.throughVersion());
        try {
            // stores nothing: not queued behind the writes of a batch, and no Idempotency-Key record (IdempotencyFilter)
            return RevertCheckView.accepted(commands.send(check, user, Commit.NOTHING));
        } catch (RuntimeException e) {
            // who may revert or propose at all is not a property of the revert: 403 as for the revert
            if (!ListCommandBatcher.isRefusal(e) || e instanceof ListRuleException.Forbidden) {
                throw e;
            }
            return RevertCheckView.refused(e);
        }
    }

    /** {@code throughVersion}: the last version of a range (absent: just {@code version}). */
    record RevertRequest(Long version, Long throughVersion) {
    }

    /** The new version, the versions it undid, and whose they were for a rollback. */
    @JsonInclude(Include.NON_NULL)
    record Reverted(long version, long reverted, long through, String rollbackOf) {

        static Reverted of(RevertOutcome outcome) {
            return new Reverted(outcome.version(), outcome.from(), outcome.through(), outcome.rollbackOf());
        }
    }

    @Operation(summary = "Roll back one person's latest run of consecutive versions (curators) as one new version; "
            + "409 when someone else changed the same items since (named), or when that person wrote no version")
    @PostMapping(path = "/api/lists/{slug}/rollbacks", consumes = "application/json")
    ResponseEntity<Reverted> rollBack(@PathVariable String slug, @RequestBody RollbackRequest request, Authentication user,
                                      HttpServletRequest http) {
        RevertOutcome outcome = commands.send(new ListCommand.RollBack(commands.listId(slug), request.actor()), user, http);
        return ResponseEntity.ok().eTag(ETags.of(outcome.version())).body(Reverted.of(outcome));
    }

    record RollbackRequest(String actor) {
    }
}

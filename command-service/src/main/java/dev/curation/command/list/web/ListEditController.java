package dev.curation.command.list.web;

import dev.curation.command.list.EventMetadata;
import dev.curation.command.list.ListCommandBatcher;
import dev.curation.command.list.ListDirectory;
import dev.curation.command.web.ImportProperties;
import dev.curation.command.web.NotFoundException;
import dev.curation.command.web.LintProblemJson;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.list.ApprovalOutcome;
import dev.curation.core.list.ChangeAccepted;
import dev.curation.core.list.ReviewPolicy;
import dev.curation.core.list.RollbackOutcome;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Direct edits (curators) and the proposal workflow (anyone signed in proposes, curators decide). */
@RestController
class ListEditController {

    private final ListCommandBatcher commands;
    private final ListDirectory directory;
    private final ImportProperties properties;

    ListEditController(ListCommandBatcher commands, ListDirectory directory, ImportProperties properties) {
        this.commands = commands;
        this.directory = directory;
        this.properties = properties;
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
                                 Authentication user) {
        ChangeAccepted accepted = send(new ListCommand.ApplyChangeSet(listId(slug), request.baseVersion(),
                request.rationale(), request.edits(), ETags.version(ifMatch)), user);
        return ResponseEntity.ok().eTag(ETags.of(accepted.version()))
                .body(new Version(accepted.version(), LintProblemJson.of(accepted.warnings())));
    }

    @Operation(summary = "Propose a change set (anyone signed in); a curator approves or rejects it")
    @PostMapping(path = "/api/lists/{slug}/proposals", consumes = "application/json")
    ResponseEntity<ProposalState> propose(@PathVariable String slug, @RequestBody ChangeSetRequest request,
                                          Authentication user) {
        String id = UUID.randomUUID().toString();
        List<LintProblem> warnings = send(new ListCommand.SubmitProposal(listId(slug), id, request.baseVersion(),
                request.rationale(), request.edits()), user);
        URI location = properties.queryBaseUrl().resolve("/api/lists/" + slug + "/proposals/" + id);
        return ResponseEntity.created(location).body(new ProposalState(id, "submitted", null, LintProblemJson.of(warnings)));
    }

    @Operation(summary = "Ask for a proposal that fixes the list's lint problems of the fixable rules (curators): "
            + "alphabetical, separator, description-capital, description-punctuation, heading-punctuation",
            responses = {
                    @ApiResponse(responseCode = "201", description = "proposed, by the curator who asked; Location: the proposal"),
                    @ApiResponse(responseCode = "400", description = "a rule that does not exist or cannot be fixed (named)"),
                    @ApiResponse(responseCode = "409", description = "nothing of those rules to fix")})
    @PostMapping(path = "/api/lists/{slug}/lint/fixes", consumes = "application/json")
    ResponseEntity<ProposalState> lintFixes(@PathVariable String slug, @RequestBody(required = false) FixRequest request,
                                            Authentication user) {
        String id = UUID.randomUUID().toString();
        List<String> rules = request == null || request.rules() == null ? List.of() : request.rules();
        List<LintProblem> warnings = send(new ListCommand.ProposeLintFixes(listId(slug), id, rules), user);
        URI location = properties.queryBaseUrl().resolve("/api/lists/" + slug + "/proposals/" + id);
        return ResponseEntity.created(location).body(new ProposalState(id, "submitted", null, LintProblemJson.of(warnings)));
    }

    /** {@code rules}: the fixable rules to fix; absent or empty for all of them that the profile enables. */
    record FixRequest(List<String> rules) {
    }

    @Operation(summary = "Approve a proposal (curators, never its author): its edits become one new version")
    @PostMapping("/api/lists/{slug}/proposals/{id}/approve")
    ProposalState approve(@PathVariable String slug, @PathVariable String id,
                          @Parameter(description = "the revision reviewed: an older one than the latest is a 409")
                          @RequestParam(required = false) Integer revision,
                          @RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication user) {
        ApprovalOutcome outcome = send(new ListCommand.ApproveProposal(listId(slug), id, ETags.version(ifMatch), revision), user);
        if (outcome.version() == null) {
            // the review policy wants more approvals: recorded, the proposal waits
            return new ProposalState(id, "submitted", null, List.of(), outcome.revision(), outcome.approvals(), outcome.required());
        }
        return new ProposalState(id, "approved", outcome.version(), List.of(), outcome.revision(), outcome.approvals(),
                outcome.required());
    }

    @Operation(summary = "Comment on a proposal (anyone signed in): on the whole, on one edit (0-based), or in reply")
    @PostMapping(path = "/api/lists/{slug}/proposals/{id}/comments", consumes = "application/json")
    ResponseEntity<CommentState> comment(@PathVariable String slug, @PathVariable String id, @RequestBody CommentRequest request,
                                         Authentication user) {
        String comment = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        send(new ListCommand.CommentOnProposal(listId(slug), id, comment, request.text(), request.edit(), request.replyTo()), user);
        URI location = properties.queryBaseUrl().resolve("/api/lists/" + slug + "/proposals/" + id);
        return ResponseEntity.created(location).body(new CommentState(comment, id, false));
    }

    /** {@code edit}: the index of the edit (current revision) it is about; {@code replyTo}: the comment it answers. */
    record CommentRequest(String text, Integer edit, String replyTo) {
    }

    record CommentState(String id, String proposal, boolean resolved) {
    }

    @Operation(summary = "Resolve a comment on a proposal (curators)")
    @PostMapping("/api/lists/{slug}/proposals/{id}/comments/{comment}/resolve")
    CommentState resolve(@PathVariable String slug, @PathVariable String id, @PathVariable String comment, Authentication user) {
        send(new ListCommand.ResolveComment(listId(slug), id, comment), user);
        return new CommentState(comment, id, true);
    }

    @Operation(summary = "Send a proposal back to its author with a reason (curators, not its author)")
    @PostMapping(path = "/api/lists/{slug}/proposals/{id}/request-changes", consumes = "application/json")
    ProposalState requestChanges(@PathVariable String slug, @PathVariable String id, @RequestBody(required = false) Reason reason,
                                 Authentication user) {
        send(new ListCommand.RequestChanges(listId(slug), id, reason == null ? null : reason.reason()), user);
        return new ProposalState(id, "changes_requested", null);
    }

    @Operation(summary = "Amend your proposal: a new revision of its change set, against a base version of your choice")
    @PostMapping(path = "/api/lists/{slug}/proposals/{id}/revisions", consumes = "application/json")
    ResponseEntity<ProposalState> amend(@PathVariable String slug, @PathVariable String id, @RequestBody ChangeSetRequest request,
                                        Authentication user) {
        List<LintProblem> warnings = send(new ListCommand.AmendProposal(listId(slug), id, request.baseVersion(),
                request.rationale(), request.edits()), user);
        URI location = properties.queryBaseUrl().resolve("/api/lists/" + slug + "/proposals/" + id);
        return ResponseEntity.created(location).body(new ProposalState(id, "submitted", null, LintProblemJson.of(warnings)));
    }

    @Operation(summary = "Set how the list's proposals are reviewed (curators): approvals needed, whether a curator "
            + "author counts as one, whether amending dismisses approvals")
    @PutMapping(path = "/api/lists/{slug}/review-policy", consumes = "application/json")
    ReviewPolicyRequest reviewPolicy(@PathVariable String slug, @RequestBody ReviewPolicyRequest request, Authentication user) {
        ReviewPolicy defaults = ReviewPolicy.defaults();
        ReviewPolicyRequest policy = new ReviewPolicyRequest(
                request.requiredApprovals() == null ? defaults.requiredApprovals() : request.requiredApprovals(),
                request.authorCounts() == null ? defaults.authorCounts() : request.authorCounts(),
                request.dismissOnAmend() == null ? defaults.dismissOnAmend() : request.dismissOnAmend());
        send(new ListCommand.ChangeReviewPolicy(listId(slug), policy.requiredApprovals(), policy.authorCounts(),
                policy.dismissOnAmend()), user);
        return policy;
    }

    /** Fields not given take their defaults: 1 approval, the author does not count, amending dismisses approvals. */
    record ReviewPolicyRequest(Integer requiredApprovals, Boolean authorCounts, Boolean dismissOnAmend) {
    }

    @Operation(summary = "Reject a proposal with a reason (curators)")
    @PostMapping(path = "/api/lists/{slug}/proposals/{id}/reject")
    ProposalState reject(@PathVariable String slug, @PathVariable String id,
                         @RequestBody(required = false) Reason reason, Authentication user) {
        send(new ListCommand.RejectProposal(listId(slug), id, reason == null ? null : reason.reason()), user);
        return new ProposalState(id, "rejected", null);
    }

    @Operation(summary = "Withdraw your own proposal")
    @PostMapping("/api/lists/{slug}/proposals/{id}/withdraw")
    ProposalState withdraw(@PathVariable String slug, @PathVariable String id, Authentication user) {
        send(new ListCommand.WithdrawProposal(listId(slug), id), user);
        return new ProposalState(id, "withdrawn", null);
    }

    @Operation(summary = "Revert a version, or versions version..throughVersion (curators): one new version that undoes "
            + "them exactly (removed content comes back with its ids and bytes), unless later changes clash (409 naming them)")
    @PostMapping(path = "/api/lists/{slug}/reverts", consumes = "application/json")
    ResponseEntity<Reverted> revert(@PathVariable String slug, @RequestBody RevertRequest request, Authentication user) {
        long version = send(new ListCommand.RevertVersion(listId(slug), request.version(), request.throughVersion()), user);
        return ResponseEntity.ok().eTag(ETags.of(version)).body(new Reverted(version, request.version(),
                request.throughVersion() == null ? request.version() : request.throughVersion(), null));
    }

    /** {@code throughVersion}: the last version of a range (absent: just {@code version}). */
    record RevertRequest(Long version, Long throughVersion) {
    }

    /** The new version, the versions it undid, and whose they were for a rollback. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Reverted(long version, Long reverted, Long through, String rollbackOf) {
    }

    @Operation(summary = "Roll back one person's latest run of consecutive versions (curators) as one new version; "
            + "409 when someone else changed the same items since (named), or when that person wrote no version")
    @PostMapping(path = "/api/lists/{slug}/rollbacks", consumes = "application/json")
    ResponseEntity<Reverted> rollBack(@PathVariable String slug, @RequestBody RollbackRequest request, Authentication user) {
        RollbackOutcome outcome = send(new ListCommand.RollBack(listId(slug), request.actor()), user);
        return ResponseEntity.ok().eTag(ETags.of(outcome.version()))
                .body(new Reverted(outcome.version(), outcome.from(), outcome.through(), request.actor()));
    }

    record RollbackRequest(String actor) {
    }

    @Operation(summary = "Give an account a role on the list, or change it (owners): owner, curator or contributor")
    @PutMapping(path = "/api/lists/{slug}/members/{member}", consumes = "application/json")
    Member setMember(@PathVariable String slug, @PathVariable String member, @RequestBody MemberRequest request,
                     Authentication user) {
        ListRole role = send(new ListCommand.SetMemberRole(listId(slug), member, request.role()), user);
        return new Member(member, role.wire());
    }

    @Operation(summary = "Take an account's role on the list away (owners); the last owner stays")
    @org.springframework.web.bind.annotation.DeleteMapping("/api/lists/{slug}/members/{member}")
    ResponseEntity<Void> removeMember(@PathVariable String slug, @PathVariable String member, Authentication user) {
        send(new ListCommand.RemoveMember(listId(slug), member), user);
        return ResponseEntity.noContent().build();
    }

    record MemberRequest(String role) {
    }

    record Member(String member, String role) {
    }

    @Operation(summary = "Set the list's lint profile (curators): rule id to error, warning or off, the rules not named "
            + "at their defaults; a change or proposal that adds an error is then refused with 422",
            responses = {
                    @ApiResponse(responseCode = "200", description = "set; body {rules (every rule with its severity), sameUrlInSections}"),
                    @ApiResponse(responseCode = "400", description = "an unknown rule or severity (named)")})
    @PutMapping(path = "/api/lists/{slug}/lint-profile", consumes = "application/json")
    ResponseEntity<LintProfileView> lintProfile(@PathVariable String slug, @RequestBody LintProfileRequest request,
                                                Authentication user) {
        boolean sameUrl = Boolean.TRUE.equals(request.sameUrlInSections());
        Map<String, String> rules = request.rules() == null ? Map.of() : request.rules();
        // refused here already when a rule or severity is unknown, with the same words as the aggregate's
        LintProfile profile = LintProfile.withChanges(rules, sameUrl);
        send(new ListCommand.ChangeLintProfile(listId(slug), rules, sameUrl), user);
        return ResponseEntity.ok(new LintProfileView(profile.toWire(), profile.sameUrlInSections()));
    }

    /** Rule id to {@code error}, {@code warning} or {@code off}; {@code sameUrlInSections}: one link per topic instead of per list. */
    record LintProfileRequest(Map<String, String> rules, Boolean sameUrlInSections) {
    }

    record LintProfileView(Map<String, String> rules, boolean sameUrlInSections) {
    }

    private String listId(String slug) {
        return directory.listId(slug).orElseThrow(() -> new NotFoundException("no list with slug '" + slug + "'"));
    }

    private <R> R send(ListCommand command, Authentication user) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(EventMetadata.of(user)));
    }

    /** {@code warnings}: lint warnings the change added near what it touched; absent when none. */
    record Version(long version,
                   @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                   List<LintProblemJson> warnings) {
        Version(long version) {
            this(version, List.of());
        }
    }

    record Reason(String reason) {
    }

    /** {@code revision}, {@code approvals}, {@code required}: after an approval, where the review stands. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ProposalState(String id, String status, Long version,
                         @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                         List<LintProblemJson> warnings, Integer revision, Integer approvals, Integer required) {
        ProposalState(String id, String status, Long version) {
            this(id, status, version, List.of());
        }

        ProposalState(String id, String status, Long version, List<LintProblemJson> warnings) {
            this(id, status, version, warnings, null, null, null);
        }
    }
}

package dev.curation.command.list.web;

import dev.curation.core.list.ApprovalOutcome;
import dev.curation.core.list.ListCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review of a proposal: comments (anyone signed in), and the curators' approve, request changes, reject. */
@Tag(name = ListEditController.TAG)
@RestController
class ReviewController {

    private final ListCommands commands;

    ReviewController(ListCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Approve a proposal (curators, never its author): its edits become one new version")
    @PostMapping("/api/lists/{slug}/proposals/{id}/approve")
    ProposalState approve(@PathVariable String slug, @PathVariable String id,
                          @Parameter(description = "the revision reviewed: an older one than the latest is a 409")
                          @RequestParam(required = false) Integer revision,
                          @RequestHeader(name = "If-Match", required = false) String ifMatch, Authentication user,
                          HttpServletRequest http) {
        ApprovalOutcome outcome = commands.send(new ListCommand.ApproveProposal(commands.listId(slug), id,
                ETags.version(ifMatch), revision), user, http);
        // no version: the review policy wants more approvals; recorded, the proposal waits
        return new ProposalState(id, outcome.version() == null ? "submitted" : "approved", outcome.version(), List.of(),
                outcome.revision(), outcome.approvals(), outcome.required());
    }

    @Operation(summary = "Comment on a proposal (anyone signed in): on the whole, on one edit (0-based), or in reply")
    @PostMapping(path = "/api/lists/{slug}/proposals/{id}/comments", consumes = "application/json")
    ResponseEntity<CommentState> comment(@PathVariable String slug, @PathVariable String id, @RequestBody CommentRequest request,
                                         Authentication user, HttpServletRequest http) {
        String comment = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        commands.send(new ListCommand.CommentOnProposal(commands.listId(slug), id, comment, request.text(), request.edit(),
                request.replyTo()), user, http);
        return ResponseEntity.created(commands.proposal(slug, id)).body(new CommentState(comment, id, false));
    }

    /** {@code edit}: the index of the edit (current revision) it is about; {@code replyTo}: the comment it answers. */
    record CommentRequest(String text, Integer edit, String replyTo) {
    }

    record CommentState(String id, String proposal, boolean resolved) {
    }

    @Operation(summary = "Resolve a comment on a proposal (curators)")
    @PostMapping("/api/lists/{slug}/proposals/{id}/comments/{comment}/resolve")
    CommentState resolve(@PathVariable String slug, @PathVariable String id, @PathVariable String comment, Authentication user,
                         HttpServletRequest http) {
        commands.send(new ListCommand.ResolveComment(commands.listId(slug), id, comment), user, http);
        return new CommentState(comment, id, true);
    }

    @Operation(summary = "Send a proposal back to its author with a reason (curators, not its author)")
    @PostMapping(path = "/api/lists/{slug}/proposals/{id}/request-changes", consumes = "application/json")
    ProposalState requestChanges(@PathVariable String slug, @PathVariable String id, @RequestBody(required = false) Reason reason,
                                 Authentication user, HttpServletRequest http) {
        commands.send(new ListCommand.RequestChanges(commands.listId(slug), id, reason == null ? null : reason.reason()),
                user, http);
        return new ProposalState(id, "changes_requested", null);
    }

    @Operation(summary = "Reject a proposal with a reason (curators)")
    @PostMapping(path = "/api/lists/{slug}/proposals/{id}/reject")
    ProposalState reject(@PathVariable String slug, @PathVariable String id,
                         @RequestBody(required = false) Reason reason, Authentication user, HttpServletRequest http) {
        commands.send(new ListCommand.RejectProposal(commands.listId(slug), id, reason == null ? null : reason.reason()),
                user, http);
        return new ProposalState(id, "rejected", null);
    }

    record Reason(String reason) {
    }
}

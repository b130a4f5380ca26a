package dev.curation.command.list.web;

import dev.curation.core.lint.LintProfile;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ReviewPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A list's settings (curators): how its proposals are reviewed, and its lint profile. */
@Tag(name = ListEditController.TAG)
@RestController
class ListSettingsController {

    private final ListCommands commands;

    ListSettingsController(ListCommands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Set how the list's proposals are reviewed (curators): approvals needed, whether a curator "
            + "author counts as one, whether amending dismisses approvals")
    @PutMapping(path = "/api/lists/{slug}/review-policy", consumes = "application/json")
    ReviewPolicyRequest reviewPolicy(@PathVariable String slug, @RequestBody ReviewPolicyRequest request, Authentication user,
                                     HttpServletRequest http) {
        ReviewPolicy policy = commands.send(new ListCommand.ChangeReviewPolicy(commands.listId(slug), request.requiredApprovals(),
                request.authorCounts(), request.dismissOnAmend()), user, http);
        return new ReviewPolicyRequest(policy.requiredApprovals(), policy.authorCounts(), policy.dismissOnAmend());
    }

    /** Fields not given take their defaults: 1 approval, the author does not count, amending dismisses approvals. */
    record ReviewPolicyRequest(Integer requiredApprovals, Boolean authorCounts, Boolean dismissOnAmend) {
    }

    @Operation(summary = "Set the list's lint profile (curators): rule id to error, warning or off, the rules not named "
            + "at their defaults; a change or proposal that adds an error is then refused with 422",
            responses = {
                    @ApiResponse(responseCode = "200", description = "set; body {rules (every rule with its severity), sameUrlInSections}"),
                    @ApiResponse(responseCode = "400", description = "an unknown rule or severity (named)")})
    @PutMapping(path = "/api/lists/{slug}/lint-profile", consumes = "application/json")
    ResponseEntity<LintProfileView> lintProfile(@PathVariable String slug, @RequestBody LintProfileRequest request,
                                                Authentication user, HttpServletRequest http) {
        // the list refuses an unknown rule or severity (400, named), after whether the sender may set it at all
        LintProfile profile = commands.send(new ListCommand.ChangeLintProfile(commands.listId(slug), request.rules(),
                request.sameUrlInSections()), user, http);
        return ResponseEntity.ok(new LintProfileView(profile.toWire(), profile.sameUrlInSections()));
    }

    /** Rule id to {@code error}, {@code warning} or {@code off}; {@code sameUrlInSections}: one link per topic instead of per list. */
    record LintProfileRequest(Map<String, String> rules, Boolean sameUrlInSections) {
    }

    record LintProfileView(Map<String, String> rules, boolean sameUrlInSections) {
    }
}

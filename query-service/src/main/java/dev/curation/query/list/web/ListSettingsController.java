package dev.curation.query.list.web;

import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.LintRule;
import dev.curation.core.lint.Severity;
import dev.curation.core.list.ReviewPolicy;
import dev.curation.query.list.LintProfiles;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.ProposalStore;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A list's settings as the events set them (the command service's {@code PUT}s of the same paths),
 * so a settings form can show what is in force: the review policy and the whole lint profile.
 */
@RestController
class ListSettingsController {

    private final ListStore lists;
    private final ProposalStore proposals;
    private final LintProfiles profiles;

    ListSettingsController(ListStore lists, ProposalStore proposals, LintProfiles profiles) {
        this.lists = lists;
        this.proposals = proposals;
        this.profiles = profiles;
    }

    @Operation(summary = "How the list's proposals are reviewed now: the fields PUT /api/lists/{slug}/review-policy of the "
            + "command service takes, each with its value (the defaults until a curator sets one)",
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ReviewPolicyView.class))),
                    @ApiResponse(responseCode = "404", description = "no such list")})
    @GetMapping(path = "/api/lists/{slug}/review-policy", produces = MediaType.APPLICATION_JSON_VALUE)
    ReviewPolicyView reviewPolicy(@Parameter(example = "distributed-systems-notes") @PathVariable String slug) {
        ReviewPolicy policy = proposals.policy(list(slug).listId());
        return new ReviewPolicyView(policy.requiredApprovals(), policy.authorCounts(), policy.dismissOnAmend());
    }

    /** As the command service's {@code PUT} answers it. */
    record ReviewPolicyView(
            @Schema(description = "distinct curators who must approve, 1 to " + ReviewPolicy.MAX_APPROVALS + " (default 1)")
            int requiredApprovals,
            @Schema(description = "whether a curator author counts as one of them (default false)")
            boolean authorCounts,
            @Schema(description = "whether amending dismisses the approvals given (default true)")
            boolean dismissOnAmend) {
    }

    @Operation(summary = "The list's lint profile now: every rule curation-core knows with its severity, off included "
            + "(what PUT /api/lists/{slug}/lint-profile of the command service answers), and what each rule asks for",
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = LintProfileView.class))),
                    @ApiResponse(responseCode = "404", description = "no such list")})
    @GetMapping(path = "/api/lists/{slug}/lint-profile", produces = MediaType.APPLICATION_JSON_VALUE)
    LintProfileView lintProfile(@Parameter(example = "distributed-systems-notes") @PathVariable String slug) {
        LintProfile profile = profiles.current(list(slug).listId());
        return new LintProfileView(profile.toWire(), profile.sameUrlInSections(), RuleView.all());
    }

    record LintProfileView(
            @Schema(description = "every rule id with error, warning or off")
            Map<String, String> rules,
            @Schema(description = "whether a page may be linked once per section instead of once per list")
            boolean sameUrlInSections,
            @Schema(description = "every rule, in curation-core's order, with what it asks for and its severity in the "
                    + "default profile")
            List<RuleView> catalogue) {
    }

    record RuleView(String id, String description,
                    @Schema(allowableValues = {"error", "warning", "off"}) String defaultSeverity) {

        static List<RuleView> all() {
            Map<LintRule, Severity> defaults = LintProfile.defaults().rules();
            return Arrays.stream(LintRule.values()).map(rule -> {
                Severity severity = defaults.get(rule);
                return new RuleView(rule.id(), rule.description(), severity == null ? "off" : severity.wireName());
            }).toList();
        }
    }

    private StoredDocument list(String slug) {
        return lists.bySlug(slug).orElseThrow(() -> NotFoundException.list(slug));
    }
}

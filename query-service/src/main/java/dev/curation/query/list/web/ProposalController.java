package dev.curation.query.list.web;

import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.edit.Revert;
import dev.curation.core.list.ChangeSetRules;
import dev.curation.core.list.Proposal;
import dev.curation.core.list.ReviewPolicy;
import dev.curation.core.edit.EditException;
import dev.curation.query.history.ListHistory;
import dev.curation.query.history.VersionDiffs;
import dev.curation.query.links.ProposalLinks;
import dev.curation.query.lint.LintProblemView;
import dev.curation.query.list.LintProfiles;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.ProposalOrder;
import dev.curation.query.list.ProposalStore;
import dev.curation.query.list.ProposalStore.ProposalView;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.web.BadRequestException;
import dev.curation.query.web.NotFoundException;
import dev.curation.query.web.Paging;
import dev.curation.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProposalController {


    private final ListStore lists;
    private final ProposalStore proposals;
    private final ListHistory history;
    private final VersionDiffs diffs;
    private final LintProfiles profiles;
    private final ProposalLinks links;

    ProposalController(ListStore lists, ProposalStore proposals, ListHistory history, VersionDiffs diffs, LintProfiles profiles,
                       ProposalLinks links) {
        this.lists = lists;
        this.proposals = proposals;
        this.history = history;
        this.diffs = diffs;
        this.profiles = profiles;
        this.links = links;
    }

    @Operation(summary = "Proposals of a list, newest first (or by whose turn it is), paged; each with whose turn it is, "
            + "its number of edits and where its approvals stand under the list's review policy")
    @GetMapping(path = "/api/lists/{slug}/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
    Paging.Page<ProposalView> all(@PathVariable String slug,
                                  @Parameter(description = "where the review stands", schema = @Schema(type = "string",
                                          allowableValues = {"submitted", "changes_requested", "approved", "rejected", "withdrawn"}))
                                  @RequestParam(required = false) Proposal.Status status,
                                  @Parameter(description = "newest: newest first; turn: open proposals waiting for a curator, "
                                          + "then those waiting for their author, each oldest first, then decided ones, newest first",
                                          schema = @Schema(type = "string", allowableValues = {"newest", "turn"},
                                                  defaultValue = "newest"))
                                  @RequestParam(defaultValue = "newest") ProposalOrder sort,
                                  @Parameter(description = Paging.LIMIT) @RequestParam(defaultValue = "100") int limit,
                                  @Parameter(description = Paging.OFFSET) @RequestParam(defaultValue = "0") int offset,
                                  HttpServletRequest request, HttpServletResponse response) {
        Paging paging = Paging.of(limit, offset);
        String listId = list(slug).listId();
        return paging.page(proposals.forList(listId, status, sort, paging.offset(), paging.fetch()), request, response);
    }

    @Operation(summary = "One proposal, with a unified diff of the Markdown it would produce against the current list "
            + "and the lint problems it would add (errors would refuse its approval, warnings are for the reviewer), each "
            + "with the edit it comes from; and the health of the URLs it adds or changes, as the link checker knows them")
    @GetMapping(path = "/api/lists/{slug}/proposals/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ProposalDetail one(@PathVariable String slug, @PathVariable String id) {
        StoredDocument list = list(slug);
        ProposalView proposal = proposals.byId(list.listId(), id)
                .orElseThrow(() -> new NotFoundException("no proposal " + id + " on list '" + slug + "'"));
        Review review = review(list.listId(), proposal);
        List<ProposalLinks.ProposalLink> health = links.of(proposal.edits());
        if (!review.proposal.open()) {
            return new ProposalDetail(proposal, null, null, null, review.revisions, review.activity, review.comments,
                    review.review, health);
        }
        // the Markdown the proposal would produce now, as a unified diff against the current Markdown;
        // computed once per proposal and list version, not on every read
        VersionDiffs.Preview preview = diffs.preview(list.listId(), list.slug() + ".md", list.version(), proposal.id(),
                proposal.edits(), profiles.at(list.listId(), list.version()),
                () -> history.documentAt(list.listId(), list.version()).orElseThrow(() -> NotFoundException.list(list.slug())),
                change(list, proposal.edits()));
        return new ProposalDetail(proposal, preview.diff(), preview.error(),
                preview.lintAdded() == null ? null : LintProblemView.of(preview.lintAdded(), preview.lintEdits()), review.revisions,
                review.activity, review.comments, review.review, health);
    }

    @Operation(summary = "The difference between two revisions of a proposal: what each would make of the current list, "
            + "as a unified diff")
    @GetMapping(path = "/api/lists/{slug}/proposals/{id}/diff", produces = "text/x-diff")
    ResponseEntity<String> revisionDiff(@PathVariable String slug, @PathVariable String id,
                                                                 @RequestParam int from, @RequestParam int to) {
        QueryParameters.between("from", from, 1, 10_000);
        QueryParameters.between("to", to, 1, 10_000);
        StoredDocument list = list(slug);
        ProposalView proposal = proposals.byId(list.listId(), id)
                .orElseThrow(() -> new NotFoundException("no proposal " + id + " on list '" + slug + "'"));
        List<ProposalStore.RevisionView> revisions = proposals.revisions(proposal.id());
        ProposalStore.RevisionView a = revision(revisions, from, proposal);
        ProposalStore.RevisionView b = revision(revisions, to, proposal);
        VersionDiffs.Preview diff = diffs.revisions(list.listId(), list.slug() + ".md", list.version(), proposal.id(), from, to,
                () -> history.documentAt(list.listId(), list.version()).orElseThrow(() -> NotFoundException.list(list.slug())),
                change(list, a.edits()), change(list, b.edits()));
        if (diff.diff() == null) {
            throw new BadRequestException("revisions " + from + " and " + to + " cannot be compared on "
                    + "the current list: " + diff.error());
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/x-diff; charset=UTF-8"))
                .body(diff.diff());
    }

    private static ProposalStore.RevisionView revision(List<ProposalStore.RevisionView> revisions, int number, ProposalView proposal) {
        return revisions.stream().filter(r -> r.revision() == number).findFirst().orElseThrow(() -> new NotFoundException(
                "proposal " + proposal.id() + " has revisions 1 to " + proposal.revision() + ", not " + number));
    }

    private record Review(Proposal proposal, List<ProposalStore.RevisionView> revisions, List<ProposalStore.ActivityView> activity,
                          List<CommentView> comments, ReviewState review) {
    }

    /**
     * The review of a proposal: its revisions, what happened in order, its comments, and its
     * approvals counted by curation-core's rule under the list's policy.
     */
    private Review review(String listId, ProposalView view) {
        List<ProposalStore.ActivityView> activity = proposals.activity(listId, view.id());
        Map<String, String> resolvedBy = new HashMap<>();
        Map<String, ApprovalView> approvals = new LinkedHashMap<>();
        for (ProposalStore.ActivityView step : activity) {
            switch (step.kind()) {
                case "resolved" -> resolvedBy.put(step.comment(), step.actor());
                case "approval", "approved" -> approvals.put(step.actor(), new ApprovalView(step.actor(), step.revision(), step.at()));
                default -> {
                }
            }
        }
        List<CommentView> comments = activity.stream().filter(a -> a.kind().equals("comment"))
                .map(c -> new CommentView(c.comment(), c.revision(), c.edit(), c.replyTo(), c.actor(), c.text(), c.at(),
                        resolvedBy.get(c.comment())))
                .toList();
        Map<String, Integer> approved = new HashMap<>();
        approvals.values().forEach(a -> approved.put(a.curator(), a.revision()));
        Proposal proposal = view.proposal(approved);
        ReviewPolicy policy = proposals.policy(listId);
        int counting = proposal.approvals(policy);
        ReviewState state = new ReviewState(policy.requiredApprovals(), policy.authorCounts(), policy.dismissOnAmend(),
                List.copyOf(approvals.values()), counting, Math.max(0, policy.requiredApprovals() - counting));
        return new Review(proposal, proposals.revisions(view.id()), activity, comments, state);
    }

    /** A comment; {@code resolvedBy}: the curator who resolved it, absent while open. */
    record CommentView(String id, int revision, Integer edit, String replyTo, String author, String text, Instant at,
                       String resolvedBy) {
    }

    /** A curator's approval of a revision. */
    record ApprovalView(String curator, int revision, Instant at) {
    }

    /**
     * Where the approvals stand under the list's review policy: {@code counting} the approvals that
     * count for the latest revision (and the author, if the policy counts a curator author),
     * {@code missing} how many more it needs.
     */
    record ReviewState(int requiredApprovals, boolean authorCounts, boolean dismissOnAmend, List<ApprovalView> approvals,
                       int counting, int missing) {
    }

    /** What a proposal's revision would do to the list now: its edits, or the revert it asks for. */
    private VersionDiffs.Change change(StoredDocument list, List<EditSpec> specs) {
        return current -> {
            ChangeSetRules.RevertRange revert = ChangeSetRules.revertOf(specs);
            if (revert == null) {
                return VersionDiffs.Change.of(list.listId(), () -> edits(specs)).byEdit(current);
            }
            long through = ChangeSetRules.revertible(revert.version(), revert.through(), list.version());
            return List.of(Revert.undo(list.listId(), history.fold(list.listId(), revert.version() - 1),
                    history.pastVersions(list.listId(), revert.version(), through), current, list.version(),
                    history.lastChanges(list.listId(), list.version()),
                    profiles.at(list.listId(), list.version()).sameUrlInSections()));
        };
    }

    /** The proposal's edits; an {@link EditException} if one is not valid (the preview shows it as the error). */
    private static List<Edit> edits(List<EditSpec> specs) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            edits.add(specs.get(i).toEdit("edits[" + i + "]"));
        }
        return edits;
    }

    private StoredDocument list(String slug) {
        return lists.bySlug(slug).orElseThrow(() -> NotFoundException.list(slug));
    }

    /**
     * {@code lint}: the problems approving it now would add under the list's lint profile (absent
     * when it is decided or no longer applies); {@code links}: the http(s) URLs its current revision
     * adds or changes, each with what the link checker knows of it.
     */
    record ProposalDetail(ProposalView proposal, String preview, String previewError, List<LintProblemView> lint,
                          List<ProposalStore.RevisionView> revisions, List<ProposalStore.ActivityView> activity,
                          List<CommentView> comments, ReviewState review,
                          @Schema(description = "the http(s) URLs the current revision adds (addLink) or sets (editLink), in "
                                  + "edit order, with their health by URL as the link checker knows it (from any list, or "
                                  + "checked because an open proposal has it): unchecked until it has been there")
                          List<ProposalLinks.ProposalLink> links) {
    }
}

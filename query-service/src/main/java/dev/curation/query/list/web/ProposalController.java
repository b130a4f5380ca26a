package dev.curation.query.list.web;

import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditException;
import dev.curation.query.history.ListHistory;
import dev.curation.query.history.VersionDiffs;
import dev.curation.query.lint.LintProblemView;
import dev.curation.query.list.LintProfiles;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.ProposalStatus;
import dev.curation.query.list.ProposalStore;
import dev.curation.query.list.ProposalStore.ProposalView;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.web.NotFoundException;
import dev.curation.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
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

    ProposalController(ListStore lists, ProposalStore proposals, ListHistory history, VersionDiffs diffs, LintProfiles profiles) {
        this.lists = lists;
        this.proposals = proposals;
        this.history = history;
        this.diffs = diffs;
        this.profiles = profiles;
    }

    @Operation(summary = "Proposals of a list, newest first")
    @GetMapping(path = "/api/lists/{slug}/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
    ListController.Page<ProposalView> all(@PathVariable String slug,
                                          @Parameter(description = "where the review stands", schema = @Schema(type = "string",
                                                  allowableValues = {"submitted", "approved", "rejected", "withdrawn"}))
                                          @RequestParam(required = false) ProposalStatus status) {
        return new ListController.Page<>(proposals.forList(list(slug).listId(), status));
    }

    @Operation(summary = "One proposal, with a unified diff of the Markdown it would produce against the current list "
            + "and the lint problems it would add (errors would refuse its approval, warnings are for the reviewer)")
    @GetMapping(path = "/api/lists/{slug}/proposals/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ProposalDetail one(@PathVariable String slug, @PathVariable String id) {
        StoredDocument list = list(slug);
        ProposalView proposal = proposals.byId(list.listId(), id)
                .orElseThrow(() -> new NotFoundException("no proposal " + id + " on list '" + slug + "'"));
        if (!proposal.status().equals("submitted")) {
            return new ProposalDetail(proposal, null, null, null);
        }
        // the Markdown the proposal would produce now, as a unified diff against the current Markdown;
        // computed once per proposal and list version, not on every read
        VersionDiffs.Preview preview = diffs.preview(list.listId(), list.slug() + ".md", list.version(), proposal.id(),
                proposal.edits(), profiles.at(list.listId(), list.version()),
                () -> history.documentAt(list.listId(), list.version()).orElseThrow(() -> NotFoundException.list(list.slug())),
                () -> edits(proposal));
        return new ProposalDetail(proposal, preview.diff(), preview.error(),
                preview.lintAdded() == null ? null : LintProblemView.of(preview.lintAdded()));
    }

    /** The proposal's edits; an {@link EditException} if one is not valid (the preview shows it as the error). */
    private static List<Edit> edits(ProposalView proposal) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < proposal.edits().size(); i++) {
            edits.add(proposal.edits().get(i).toEdit("edits[" + i + "]"));
        }
        return edits;
    }

    private StoredDocument list(String slug) {
        return lists.bySlug(slug).orElseThrow(() -> NotFoundException.list(slug));
    }

    /**
     * {@code lint}: the problems approving it now would add under the list's lint profile (absent
     * when it is decided or no longer applies).
     */
    record ProposalDetail(ProposalView proposal, String preview, String previewError, List<LintProblemView> lint) {
    }
}

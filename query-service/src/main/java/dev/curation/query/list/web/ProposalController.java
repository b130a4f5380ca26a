package dev.curation.query.list.web;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.list.ListFold;
import dev.curation.query.history.ListHistory;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.ProposalStore;
import dev.curation.query.list.ProposalStore.ProposalView;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.list.UnifiedDiff;
import dev.curation.query.web.BadRequestException;
import dev.curation.query.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProposalController {

    private static final Set<String> STATUSES = Set.of("submitted", "approved", "rejected", "withdrawn");

    private final ListStore lists;
    private final ProposalStore proposals;
    private final ListHistory history;

    ProposalController(ListStore lists, ProposalStore proposals, ListHistory history) {
        this.lists = lists;
        this.proposals = proposals;
        this.history = history;
    }

    @Operation(summary = "Proposals of a list, newest first")
    @GetMapping(path = "/api/lists/{slug}/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
    ListController.Page<ProposalView> all(@PathVariable String slug,
                                          @Parameter(description = "submitted, approved, rejected or withdrawn")
                                          @RequestParam(required = false) String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new BadRequestException("status must be one of " + STATUSES + ", not '" + status + "'");
        }
        return new ListController.Page<>(proposals.forList(list(slug).listId(), status));
    }

    @Operation(summary = "One proposal, with a unified diff of the Markdown it would produce against the current list")
    @GetMapping(path = "/api/lists/{slug}/proposals/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ProposalDetail one(@PathVariable String slug, @PathVariable String id) {
        StoredDocument list = list(slug);
        ProposalView proposal = proposals.byId(list.listId(), id)
                .orElseThrow(() -> new NotFoundException("no proposal " + id + " on list '" + slug + "'"));
        if (!proposal.status().equals("submitted")) {
            return new ProposalDetail(proposal, null, null);
        }
        try {
            return new ProposalDetail(proposal, preview(list, proposal), null);
        } catch (EditException e) {
            return new ProposalDetail(proposal, null, e.getMessage());
        }
    }

    /** The Markdown the proposal would produce now, as a unified diff against the current Markdown. */
    private String preview(StoredDocument list, ProposalView proposal) {
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < proposal.edits().size(); i++) {
            edits.add(proposal.edits().get(i).toEdit("edits[" + i + "]"));
        }
        ListDocument current = history.documentAt(list.listId(), list.version())
                .orElseThrow(() -> NotFoundException.list(list.slug()));
        ListDocument after = current.copy();
        ListEditor.decide(list.listId(), current, new IdSequence(Long.MAX_VALUE / 2), edits)
                .forEach(e -> ListFold.apply(after, e));
        return UnifiedDiff.between(list.slug() + ".md", MarkdownWriter.write(current), MarkdownWriter.write(after));
    }

    private StoredDocument list(String slug) {
        return lists.bySlug(slug).orElseThrow(() -> NotFoundException.list(slug));
    }

    record ProposalDetail(ProposalView proposal, String preview, String previewError) {
    }
}

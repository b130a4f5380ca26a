package dev.curation.web.review;

import dev.curation.web.api.CurationApi;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads a proposal and the list it would change from the query service into a {@link ProposalView}. */
@Component
class ProposalReader {

    private static final MediaType DIFF = MediaType.parseMediaType("text/x-diff");

    private final CurationApi api;

    ProposalReader(CurationApi api) {
        this.api = api;
    }

    JsonNode detail(String slug, String id) {
        return api.readJson("/api/lists/{slug}/proposals/{id}", slug, id);
    }

    ProposalView read(String slug, String id) {
        return view(slug, detail(slug, id), new ListStructure(api.readJson("/api/lists/{slug}", slug)));
    }

    /** The unified diff between two revisions. */
    List<DiffLine> revisionDiff(String slug, String id, int from, int to) {
        return DiffLine.of(api.readText("/api/lists/{slug}/proposals/{id}/diff?from={from}&to={to}", DIFF, slug, id, from, to));
    }

    static ProposalView view(String slug, JsonNode detail, ListStructure list) {
        JsonNode proposal = detail.path("proposal");
        List<CommentNode> flat = new ArrayList<>();
        for (JsonNode comment : detail.path("comments")) {
            flat.add(new CommentNode(Json.text(comment, "id", ""), Json.text(comment, "author", ""),
                    Json.text(comment, "text", ""), Json.instant(comment, "at"), Json.integer(comment, "edit"),
                    Json.textOrNull(comment, "replyTo"), Json.textOrNull(comment, "resolvedBy"), new ArrayList<>()));
        }
        List<CommentNode> threads = CommentNode.threads(flat);
        JsonNode lint = detail.path("lint");
        List<ProposalView.Lint> problems = new ArrayList<>();
        lint.forEach(problem -> problems.add(new ProposalView.Lint(Json.text(problem, "severity", "warning"),
                Json.text(problem, "rule", ""), Json.text(problem, "message", ""))));
        List<ProposalView.Revision> revisions = new ArrayList<>();
        detail.path("revisions").forEach(revision -> revisions.add(new ProposalView.Revision(
                revision.path("revision").asInt(), Json.text(revision, "author", ""), Json.instant(revision, "createdAt"),
                Json.text(revision, "rationale", ""))));
        JsonNode review = detail.path("review");
        List<String> approvers = new ArrayList<>();
        review.path("approvals").forEach(approval -> approvers.add(Json.text(approval, "curator", "")));
        Integer required = Json.integer(review, "requiredApprovals");
        Integer counting = Json.integer(review, "counting");
        String preview = Json.textOrNull(detail, "preview");
        Integer revision = Json.integer(proposal, "revision");
        JsonNode edits = proposal.path("edits");
        return new ProposalView(slug, Json.text(proposal, "id", ""), Json.text(proposal, "status", ""),
                Json.text(proposal, "author", ""), Json.text(proposal, "rationale", ""), Json.instant(proposal, "createdAt"),
                revision == null ? 1 : revision, baseVersion(proposal), Json.textOrNull(proposal, "decidedBy"),
                Json.textOrNull(proposal, "reason"),
                EditReader.changes(edits, list, lint, detail.path("links"), threads),
                // a thread on an edit a later revision no longer has stays on the whole
                threads.stream().filter(thread -> thread.edit() == null || thread.edit() >= edits.size()).toList(),
                preview == null ? List.of() : DiffLine.of(preview), Json.textOrNull(detail, "previewError"), problems,
                revisions, new ProposalView.Approvals(counting == null ? approvers.size() : counting,
                        required == null ? 1 : required, approvers),
                list.sections(), EditReader.amendables(edits, list));
    }

    private static @Nullable Long baseVersion(JsonNode proposal) {
        JsonNode base = proposal.path("baseVersion");
        return base.isNumber() ? base.asLong() : null;
    }
}

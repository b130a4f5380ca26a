package dev.curation.web.review;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import dev.curation.web.page.Page;
import dev.curation.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * {@code /lists/{slug}/proposals/{id}}: one proposal and its review. Each action is its own small
 * form posted here and sent on to the command service as the signed-in person; then the page is
 * shown again (303) with a confirmation, or, when the API refuses, at once with the API's words.
 */
@Controller
class ProposalController {

    private static final Set<String> DONE = Set.of("approved", "changes", "rejected", "withdrawn", "commented",
            "resolved", "amended");
    private static final String BASE = "/api/lists/{slug}/proposals/{id}";

    private final CurationApi api;
    private final Pages pages;
    private final ProposalReader reader;
    private final Settling settling;

    ProposalController(CurationApi api, Pages pages, ProposalReader reader, Settling settling) {
        this.api = api;
        this.pages = pages;
        this.reader = reader;
        this.settling = settling;
    }

    @GetMapping("/lists/{slug}/proposals/{id}")
    String proposal(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) @Nullable Integer from,
                    @RequestParam(required = false) @Nullable Integer to, @RequestParam(required = false) @Nullable String done,
                    HttpServletRequest request, @Nullable Principal principal, Model model) {
        return show(slug, id, from, to, done != null && DONE.contains(done) ? done : null, null, Kept.NOTHING,
                request, principal, model);
    }

    @PostMapping("/lists/{slug}/proposals/{id}/approve")
    String approve(@PathVariable String slug, @PathVariable String id, @RequestParam(defaultValue = "0") int revision,
                   HttpServletRequest request, HttpServletResponse response, Principal principal, Model model) {
        Kept kept = new Kept("approve", Map.of());
        return act(slug, id, kept, "approved", request, response, principal, model, () -> {
            if (revision > 0) {
                api.write(HttpMethod.POST, BASE + "/approve?revision={revision}", null, JsonNode.class, slug, id, revision);
            } else {
                api.write(HttpMethod.POST, BASE + "/approve", null, JsonNode.class, slug, id);
            }
        });
    }

    @PostMapping("/lists/{slug}/proposals/{id}/request-changes")
    String requestChanges(@PathVariable String slug, @PathVariable String id, @RequestParam(defaultValue = "") String reason,
                          HttpServletRequest request, HttpServletResponse response, Principal principal, Model model) {
        return decide(slug, id, "request-changes", "changes", reason, request, response, principal, model);
    }

    @PostMapping("/lists/{slug}/proposals/{id}/reject")
    String reject(@PathVariable String slug, @PathVariable String id, @RequestParam(defaultValue = "") String reason,
                  HttpServletRequest request, HttpServletResponse response, Principal principal, Model model) {
        return decide(slug, id, "reject", "rejected", reason, request, response, principal, model);
    }

    @PostMapping("/lists/{slug}/proposals/{id}/withdraw")
    String withdraw(@PathVariable String slug, @PathVariable String id, HttpServletRequest request,
                    HttpServletResponse response, Principal principal, Model model) {
        return act(slug, id, new Kept("withdraw", Map.of()), "withdrawn", request, response, principal, model,
                () -> api.write(HttpMethod.POST, BASE + "/withdraw", null, JsonNode.class, slug, id));
    }

    @PostMapping("/lists/{slug}/proposals/{id}/comments")
    String comment(@PathVariable String slug, @PathVariable String id, @RequestParam(defaultValue = "") String text,
                   @RequestParam(defaultValue = "") String edit, @RequestParam(defaultValue = "") String replyTo,
                   HttpServletRequest request, HttpServletResponse response, Principal principal, Model model) {
        String form = replyTo.isEmpty() ? "comment" : "reply-" + replyTo;
        Kept kept = new Kept(form, Map.of("text", text, "edit", edit));
        if (text.isBlank()) {
            return refused(slug, id, new ApiRefusal(422, null, page(request).t("review.comment.empty")), kept,
                    request, response, principal, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        if (edit.matches("\\d{1,4}")) {
            body.put("edit", Integer.parseInt(edit));
        }
        if (!replyTo.isEmpty()) {
            body.put("replyTo", replyTo);
        }
        return act(slug, id, kept, "commented", request, response, principal, model,
                () -> api.write(HttpMethod.POST, BASE + "/comments", body, JsonNode.class, slug, id));
    }

    @PostMapping("/lists/{slug}/proposals/{id}/comments/{comment}/resolve")
    String resolve(@PathVariable String slug, @PathVariable String id, @PathVariable String comment,
                   HttpServletRequest request, HttpServletResponse response, Principal principal, Model model) {
        return act(slug, id, new Kept("resolve-" + comment, Map.of()), "resolved", request, response, principal, model,
                () -> api.write(HttpMethod.POST, BASE + "/comments/{comment}/resolve", null, JsonNode.class, slug, id, comment));
    }

    /** The author's next revision: the edit {@code index} changed as the form says, the other edits as they are. */
    @PostMapping("/lists/{slug}/proposals/{id}/amend")
    String amend(@PathVariable String slug, @PathVariable String id, @RequestParam(defaultValue = "-1") int index,
                 @RequestParam(defaultValue = "") String section, @RequestParam(defaultValue = "") String title,
                 @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String description,
                 @RequestParam(defaultValue = "") String rationale,
                 HttpServletRequest request, HttpServletResponse response, Principal principal, Model model) {
        Kept kept = new Kept("amend-" + index, Map.of("section", section, "title", title, "url", url,
                "description", description, "rationale", rationale));
        JsonNode proposal = reader.detail(slug, id).path("proposal");
        Map<String, Object> body;
        try {
            body = Amendment.body(proposal, index, section, title, url, description, rationale);
        } catch (IllegalArgumentException bad) {
            return refused(slug, id, new ApiRefusal(422, null, page(request).t(Objects.requireNonNullElse(bad.getMessage(), "review.amend.noEdit"))), kept,
                    request, response, principal, model);
        }
        return act(slug, id, kept, "amended", request, response, principal, model,
                () -> api.write(HttpMethod.POST, BASE + "/revisions", body, JsonNode.class, slug, id));
    }

    private String decide(String slug, String id, String action, String done, String reason, HttpServletRequest request,
                          HttpServletResponse response, Principal principal, Model model) {
        Kept kept = new Kept(action, Map.of("reason", reason));
        if (reason.isBlank()) {
            return refused(slug, id, new ApiRefusal(422, null, page(request).t("review.reason.empty")), kept,
                    request, response, principal, model);
        }
        return act(slug, id, kept, done, request, response, principal, model,
                () -> api.write(HttpMethod.POST, BASE + "/" + action, Map.of("reason", reason), JsonNode.class, slug, id));
    }

    private String act(String slug, String id, Kept kept, String done, HttpServletRequest request,
                       HttpServletResponse response, Principal principal, Model model, Runnable write) {
        try {
            settling.after(() -> reader.detail(slug, id), write);
        } catch (ApiRefusal refusal) {
            return refused(slug, id, refusal, kept, request, response, principal, model);
        }
        return "redirect:/lists/" + segment(slug) + "/proposals/" + segment(id) + "?done=" + done;
    }

    private String refused(String slug, String id, ApiRefusal refusal, Kept kept, HttpServletRequest request,
                           HttpServletResponse response, Principal principal, Model model) {
        response.setStatus(refusal.status() >= 400 && refusal.status() < 500 ? refusal.status() : 503);
        return show(slug, id, null, null, null, refusal.detail(), kept, request, principal, model);
    }

    private String show(String slug, String id, @Nullable Integer from, @Nullable Integer to, @Nullable String done,
                        @Nullable String refusal, Kept kept, HttpServletRequest request, @Nullable Principal principal,
                        Model model) {
        ProposalView view = reader.read(slug, id);
        Page page = pages.of(request, "review.proposal.title", view.author());
        Viewer viewer = page.signedIn() ? Viewer.of(page.user(), principal, api.readJson("/api/lists/{slug}/members", slug))
                : Viewer.READER;
        List<DiffLine> between = null;
        String betweenError = null;
        if (from != null && to != null) {
            try {
                between = reader.revisionDiff(slug, id, from, to);
            } catch (ApiRefusal refused) {
                betweenError = refused.detail();
            }
        }
        model.addAttribute("page", page);
        model.addAttribute("view", view);
        model.addAttribute("viewer", viewer);
        model.addAttribute("allowed", Allowed.of(viewer, view));
        model.addAttribute("done", done);
        model.addAttribute("refusal", refusal);
        model.addAttribute("kept", kept);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("between", between);
        model.addAttribute("betweenError", betweenError);
        return "review/proposal";
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    private Page page(HttpServletRequest request) {
        return pages.of(request, "review.proposal.title", "");
    }
}

package dev.curation.web.settings;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import dev.curation.web.page.Page;
import dev.curation.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.JsonNode;

/**
 * {@code /lists/{slug}/settings}: the settings page for owners (a 403 page without forms for
 * everyone else) and one POST per setting, each answered with a 303 back to the page and a
 * confirmation, or the page again with the API's refusal next to that form.
 */
@Controller
class SettingsController {

    private static final int MAX_NAME = 200;

    /** The confirmations the page shows after a change ({@code ?saved=}). */
    private static final List<String> SAVED = List.of("members", "policy", "lint", "webhooks", "git", "gitRemoved",
            "gitAligned");

    private final CurationApi api;
    private final SettingsReader reader;
    private final Pages pages;

    SettingsController(CurationApi api, SettingsReader reader, Pages pages) {
        this.api = api;
        this.reader = reader;
        this.pages = pages;
    }

    @GetMapping("/lists/{slug}/settings")
    String settings(@PathVariable String slug, @RequestParam(required = false) @Nullable String saved,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(slug, saved, null, request, response, model);
    }

    @PostMapping("/lists/{slug}/settings/members")
    Object member(@PathVariable String slug, @RequestParam(defaultValue = "") String member,
                  @RequestParam(defaultValue = "") String role, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        String name = member.strip();
        Page page = pages.of(request, "settings.title", slug);
        if (name.isEmpty() || name.length() > MAX_NAME || !SettingsView.ROLES.contains(role)) {
            response.setStatus(422);
            String why = page.t(name.isEmpty() || name.length() > MAX_NAME ? "settings.members.badName" : "settings.members.badRole");
            return refused(slug, new Refusal("members", why, name, role, ""), request, response, model);
        }
        return send(slug, "members", new Refusal("members", "", name, role, ""), request, response, model,
                () -> api.write(HttpMethod.PUT, "/api/lists/{slug}/members/{member}", Map.of("role", role), JsonNode.class, slug, name));
    }

    @PostMapping("/lists/{slug}/settings/members/remove")
    Object removeMember(@PathVariable String slug, @RequestParam(defaultValue = "") String member,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        return send(slug, "members", new Refusal("members", "", "", "", ""), request, response, model,
                () -> api.write(HttpMethod.DELETE, "/api/lists/{slug}/members/{member}", null, String.class, slug, member.strip()));
    }

    @PostMapping("/lists/{slug}/settings/review-policy")
    Object policy(@PathVariable String slug, @RequestParam(defaultValue = "") String requiredApprovals,
                  @RequestParam(defaultValue = "false") boolean authorCounts,
                  @RequestParam(defaultValue = "false") boolean dismissOnAmend,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        int approvals;
        try {
            approvals = Integer.parseInt(requiredApprovals.strip());
        } catch (NumberFormatException unreadable) {
            response.setStatus(422);
            String why = pages.of(request, "settings.title", slug).t("settings.policy.badNumber", Policy.MAX_APPROVALS);
            return refused(slug, new Refusal("policy", why, "", "", ""), request, response, model);
        }
        Map<String, Object> body = Map.of("requiredApprovals", approvals, "authorCounts", authorCounts,
                "dismissOnAmend", dismissOnAmend);
        return send(slug, "policy", new Refusal("policy", "", "", "", ""), request, response, model,
                () -> api.write(HttpMethod.PUT, "/api/lists/{slug}/review-policy", body, JsonNode.class, slug));
    }

    @PostMapping("/lists/{slug}/settings/lint-profile")
    Object lint(@PathVariable String slug, @RequestParam MultiValueMap<String, String> form,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String> rules = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("rule.") && !values.isEmpty() && values.getFirst() != null) {
                rules.put(name.substring("rule.".length()), values.getFirst());
            }
        });
        Map<String, Object> body = Map.of("rules", rules, "sameUrlInSections", form.containsKey("sameUrlInSections"));
        return send(slug, "lint", new Refusal("lint", "", "", "", ""), request, response, model,
                () -> api.write(HttpMethod.PUT, "/api/lists/{slug}/lint-profile", body, JsonNode.class, slug));
    }

    @PostMapping("/lists/{slug}/settings/webhooks")
    Object subscribe(@PathVariable String slug, @RequestParam(defaultValue = "") String url,
                     @RequestParam(required = false) @Nullable List<String> kinds,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!owner(slug, request)) {
            return forbidden(slug, request, response, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url.strip());
        if (kinds != null && !kinds.isEmpty()) {
            body.put("kinds", kinds);
        }
        try {
            JsonNode subscribed = api.write(HttpMethod.POST, "/api/lists/{slug}/webhooks", body, JsonNode.class, slug);
            // the secret is on this answer only: not in the session, not in a redirect, not cached
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("page", pages.of(request, "settings.subscribed.title", slug));
            model.addAttribute("slug", slug);
            model.addAttribute("url", subscribed == null ? url : subscribed.path("url").asString(url));
            model.addAttribute("secret", subscribed == null ? "" : subscribed.path("secret").asString(""));
            return "settings/subscribed";
        } catch (ApiRefusal refusal) {
            response.setStatus(refusal.status() >= 500 ? 503 : refusal.status());
            return refused(slug, new Refusal("webhooks", refusal.detail(), "", "", url), request, response, model);
        }
    }

    @PostMapping("/lists/{slug}/settings/webhooks/{id}/enable")
    Object enable(@PathVariable String slug, @PathVariable String id, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        return send(slug, "webhooks", new Refusal("webhooks", "", "", "", ""), request, response, model,
                () -> api.write(HttpMethod.POST, "/api/lists/{slug}/webhooks/{id}/enable", null, String.class, slug, id));
    }

    @PostMapping("/lists/{slug}/settings/webhooks/{id}/remove")
    Object unsubscribe(@PathVariable String slug, @PathVariable String id, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        return send(slug, "webhooks", new Refusal("webhooks", "", "", "", ""), request, response, model,
                () -> api.write(HttpMethod.DELETE, "/api/lists/{slug}/webhooks/{id}", null, String.class, slug, id));
    }

    @PostMapping("/lists/{slug}/settings/git")
    Object git(@PathVariable String slug, @RequestParam(defaultValue = "") String repository,
               @RequestParam(defaultValue = "") String branch, @RequestParam(defaultValue = "") String path,
               @RequestParam(defaultValue = "false") boolean publish, @RequestParam(defaultValue = "false") boolean pull,
               @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repository", repository.strip());
        body.put("branch", branch.strip());
        body.put("path", path.strip());
        body.put("publish", publish);
        body.put("pull", pull);
        // none typed: the credentials kept stay; one of the two alone is the API's to refuse
        if (!username.isBlank() || !password.isEmpty()) {
            body.put("credentials", Map.of("username", username.strip(), "password", password));
        }
        GitForm typed = new GitForm(repository.strip(), branch.strip(), path.strip(), publish, pull, username.strip(), "");
        return sendGit(slug, "git", typed, request, response, model,
                () -> api.write(HttpMethod.PUT, "/api/lists/{slug}/git", body, JsonNode.class, slug));
    }

    @PostMapping("/lists/{slug}/settings/git/remove")
    Object removeGit(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
        return sendGit(slug, "gitRemoved", null, request, response, model,
                () -> api.write(HttpMethod.DELETE, "/api/lists/{slug}/git", null, String.class, slug));
    }

    @PostMapping("/lists/{slug}/settings/git/align")
    Object align(@PathVariable String slug, @RequestParam(defaultValue = "") String take, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        return sendGit(slug, "gitAligned", null, request, response, model,
                () -> api.write(HttpMethod.POST, "/api/lists/{slug}/git/align", Map.of("take", take), JsonNode.class, slug));
    }

    /** A change of the git bridge: the refusal on its form, the field it names marked, what was typed kept (no password). */
    private Object sendGit(String slug, String saved, @Nullable GitForm typed, HttpServletRequest request,
                           HttpServletResponse response, Model model, Runnable change) {
        return send(slug, "git", saved, new Refusal("git", "", "", "", ""), request, response, model, () -> {
            try {
                change.run();
            } catch (ApiRefusal refusal) {
                if (typed != null) {
                    model.addAttribute("gitForm", new GitForm(typed.repository(), typed.branch(), typed.path(),
                            typed.publish(), typed.pull(), typed.username(), GitForm.fieldOf(refusal.field())));
                }
                throw refusal;
            }
        });
    }

    @GetMapping("/lists/{slug}/settings/webhooks/{id}")
    Object deliveries(@PathVariable String slug, @PathVariable String id, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        Page page = pages.of(request, "settings.deliveries.title", slug);
        if (!page.signedIn()) {
            return new RedirectView(page.signInHref());
        }
        if (!owner(slug, request)) {
            return forbidden(slug, request, response, model);
        }
        model.addAttribute("page", page);
        model.addAttribute("slug", slug);
        model.addAttribute("deliveries", reader.deliveries(slug, id));
        return "settings/deliveries";
    }

    /** Sends one setting's change as the signed-in owner: 303 back with a confirmation, or the refusal on its form. */
    private Object send(String slug, String form, Refusal kept, HttpServletRequest request, HttpServletResponse response,
                        Model model, Runnable change) {
        return send(slug, form, form, kept, request, response, model, change);
    }

    /** As above, confirmed by the message {@code settings.saved.<saved>}. */
    private Object send(String slug, String form, String saved, Refusal kept, HttpServletRequest request,
                        HttpServletResponse response, Model model, Runnable change) {
        if (!owner(slug, request)) {
            return forbidden(slug, request, response, model);
        }
        try {
            change.run();
        } catch (ApiRefusal refusal) {
            response.setStatus(refusal.status() >= 500 ? 503 : refusal.status());
            Refusal shown = new Refusal(form, refusal.detail(), kept.member(), kept.role(), kept.url());
            return refused(slug, shown, request, response, model);
        }
        RedirectView back = new RedirectView("/lists/" + URLEncoder.encode(slug, StandardCharsets.UTF_8)
                + "/settings?saved=" + saved + "#" + form, true);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        back.setExposeModelAttributes(false);
        return back;
    }

    private String refused(String slug, Refusal refusal, HttpServletRequest request, HttpServletResponse response,
                           Model model) {
        return page(slug, null, refusal, request, response, model);
    }

    private String page(String slug, @Nullable String saved, @Nullable Refusal refusal, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        Page page = pages.of(request, "settings.title", slug);
        Members members = reader.members(slug);
        if (!members.owner(page.user())) {
            return forbidden(slug, request, response, model);
        }
        model.addAttribute("page", page);
        model.addAttribute("slug", slug);
        model.addAttribute("view", reader.read(slug, members));
        model.addAttribute("saved", saved != null && SAVED.contains(saved) ? saved : null);
        model.addAttribute("refusal", refusal);
        SettingsView view = (SettingsView) model.getAttribute("view");
        if (!model.containsAttribute("gitForm")) {
            model.addAttribute("gitForm", GitForm.of(view == null ? null : view.git()));
        }
        return "settings/settings";
    }

    private boolean owner(String slug, HttpServletRequest request) {
        return reader.members(slug).owner(Pages.user(request.getUserPrincipal()));
    }

    private String forbidden(String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(403);
        model.addAttribute("page", pages.of(request, "settings.title", slug));
        model.addAttribute("slug", slug);
        return "settings/forbidden";
    }
}

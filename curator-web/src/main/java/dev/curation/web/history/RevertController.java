package dev.curation.web.history;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import dev.curation.web.page.Page;
import dev.curation.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * {@code /lists/{slug}/versions/{n}/revert?through=m}: GET previews what reverting versions n..m
 * undoes (the diff of those versions) and, signed in, what the command service's check of the
 * revert answers: a refusal (a clash with later changes, ...) shown before anyone confirms, with
 * no form to confirm, or the entries and topics it would change; POST reverts (curators) or
 * proposes the revert (anyone else signed in), then 303 to the history page.
 */
@Controller
class RevertController {

    static final int MAX_RATIONALE = 2000;

    private final CurationApi api;
    private final Versions versions;
    private final ListRoles roles;
    private final RevertChecks checks;
    private final Pages pages;

    RevertController(CurationApi api, Versions versions, ListRoles roles, RevertChecks checks, Pages pages) {
        this.api = api;
        this.versions = versions;
        this.roles = roles;
        this.checks = checks;
        this.pages = pages;
    }

    @GetMapping("/lists/{slug}/versions/{n}/revert")
    String preview(@PathVariable String slug, @PathVariable String n, @RequestParam(required = false) @Nullable String through,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        return show(slug, n, through, "", null, request, response, model);
    }

    @PostMapping("/lists/{slug}/versions/{n}/revert")
    Object revert(@PathVariable String slug, @PathVariable String n, @RequestParam(required = false) @Nullable String through,
                  @RequestParam(defaultValue = "") String rationale, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Page page = pages.of(request, "revert.title", n, slug);
        long latest = versions.latest(slug);
        long version = Versions.number(n, latest, page.t("version.none", n));
        long last = through == null || through.isBlank() ? version : parse(through);
        if (version < 2 || last < version || last > latest || rationale.length() > MAX_RATIONALE) {
            return show(slug, n, through, rationale, page.t("revert.badRange", latest), request, response, model);
        }
        RevertRange range = new RevertRange(version, last);
        try {
            if (roles.curates(slug, request.getUserPrincipal())) {
                JsonNode done = api.write(HttpMethod.POST, "/api/lists/{slug}/reverts", range.body(), JsonNode.class, slug);
                long made = done == null ? latest + 1 : done.path("version").asLong(latest + 1);
                return SeeOther.to("/lists/" + encode(slug) + "/history?reverted=" + made);
            }
            Map<String, Object> proposal = Map.of("baseVersion", latest, "edits", List.of(range.edit()),
                    "rationale", rationale.isBlank() ? page.t("revert.defaultRationale", version, last) : rationale);
            JsonNode proposed = api.write(HttpMethod.POST, "/api/lists/{slug}/proposals", proposal, JsonNode.class, slug);
            String id = proposed == null ? "" : proposed.path("id").asString("");
            return SeeOther.to("/lists/" + encode(slug) + "/history" + (id.isEmpty() ? "" : "?proposed=" + encode(id)));
        } catch (ApiRefusal refusal) {
            response.setStatus(refusal.status() >= 500 ? 503 : refusal.status());
            return show(slug, n, through, rationale, refusal.detail(), request, response, model);
        }
    }

    private String show(String slug, String n, @Nullable String through, String rationale, @Nullable String refusal,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        Page page = pages.of(request, "revert.title", n, slug);
        long latest = versions.latest(slug);
        long version = Versions.number(n, latest, page.t("version.none", n));
        long last = through == null || through.isBlank() ? version : parse(through);
        String problem = refusal;
        if (version < 2) {
            problem = page.t("revert.first");
        } else if (last < version || last > latest) {
            problem = page.t("revert.badRange", latest);
        }
        boolean possible = version >= 2 && last >= version && last <= latest;
        RevertRange range = new RevertRange(version, possible ? last : version);
        // checked before anyone confirms; after a refused POST its refusal says it already
        RevertCheck check = possible && problem == null && page.signedIn() ? checks.check(slug, range) : null;
        String refused = check == null ? null : check.refusal();
        if (refused != null) {
            problem = refused.isBlank() ? page.t("revert.refused") : refused;
        }
        if (problem != null && response.getStatus() < 400) {
            response.setStatus(possible ? 422 : 400);
        }
        boolean curates = check != null && check.acceptable() ? check.asRevert() : roles.curates(slug, request.getUserPrincipal());
        model.addAttribute("page", page);
        model.addAttribute("slug", slug);
        model.addAttribute("range", range);
        model.addAttribute("latest", latest);
        model.addAttribute("possible", possible);
        model.addAttribute("check", check);
        model.addAttribute("confirmable", check == null || check.acceptable());
        model.addAttribute("curates", curates);
        model.addAttribute("diff", possible ? versions.diff(slug, version - 1, last) : List.<DiffLine>of());
        model.addAttribute("rationale", rationale);
        model.addAttribute("problem", problem);
        return "history/revert";
    }

    private static long parse(String through) {
        try {
            return Long.parseLong(through.strip());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

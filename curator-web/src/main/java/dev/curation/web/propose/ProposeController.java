package dev.curation.web.propose;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import dev.curation.web.page.Page;
import dev.curation.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /lists/{slug}/propose}: the form (GET), the proposal (POST: on success the new proposal's
 * page, on a refusal the form again with the input kept and the message on it) and the live
 * check while typing (POST .../check, an htmx fragment).
 */
@Controller
class ProposeController {

    private static final Duration SETTLE = Duration.ofSeconds(5);

    private static final String PROPOSALS = "/api/lists/{slug}/proposals";

    private final CurationApi api;
    private final Pages pages;

    ProposeController(CurationApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GetMapping("/lists/{slug}/propose")
    ModelAndView form(@PathVariable String slug, @ModelAttribute ProposeForm asked, HttpServletRequest request) {
        ListStructure list = structure(slug);
        ProposeForm form = new ProposeForm(asked.operation(), null, Long.toString(list.version()), asked.section(),
                null, null, null, null);
        String alert = null;
        if (!asked.operation().equals(ProposeForm.ADD)) {
            TargetEntry entry = list.entry(asked.edit());
            if (entry == null) {
                form = new ProposeForm(ProposeForm.ADD, null, Long.toString(list.version()), null, null, null, null, null);
                alert = "propose.noSuchEntry";
            } else {
                form = asked.filledFrom(entry, list.version());
            }
        }
        Page page = pages.of(request, "propose.title", slug);
        return view(page, slug, form, list, alert == null ? null : page.t(alert), null, HttpStatus.OK);
    }

    @PostMapping("/lists/{slug}/propose")
    ModelAndView propose(@PathVariable String slug, @ModelAttribute ProposeForm form, HttpServletRequest request) {
        ListStructure list = structure(slug);
        Page page = pages.of(request, "propose.title", slug);
        try {
            Map<String, Object> body = ProposalBody.of(form, list);
            JsonNode created = api.write(HttpMethod.POST, PROPOSALS, body, JsonNode.class, slug);
            String id = created == null ? null : created.path("id").asString(null);
            if (id == null) {
                return view(page, slug, form, list, page.t("propose.noAnswer"), null, HttpStatus.BAD_GATEWAY);
            }
            // the proposal's page reads it from the query service, which follows a moment behind
            api.awaitReadable(SETTLE, "/api/lists/{slug}/proposals/{id}", slug, id);
            String next = UriComponentsBuilder.fromPath("/lists/{slug}/proposals/{id}").buildAndExpand(slug, id)
                    .encode().toUriString();
            RedirectView redirect = new RedirectView(next, true);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        } catch (FormProblem problem) {
            return view(page, slug, form, list, page.t(problem.messageKey()), problem.field(),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (ApiRefusal refusal) {
            int status = refusal.status() >= 400 && refusal.status() < 500 ? refusal.status() : 503;
            return view(page, slug, form, list, refusal.detail(), RefusedField.of(refusal),
                    HttpStatusCode.valueOf(status));
        }
    }

    /** The live check: the API's findings for the form as it stands; nothing where the API has no checks yet. */
    @PostMapping("/lists/{slug}/propose/check")
    ModelAndView check(@PathVariable String slug, @ModelAttribute ProposeForm form, HttpServletRequest request) {
        ModelAndView fragment = new ModelAndView("propose/checks");
        fragment.addObject("page", pages.of(request, "propose.title", slug));
        List<CheckProblem> problems = new ArrayList<>();
        boolean answered = false;
        try {
            Map<String, Object> body = ProposalBody.of(form, structure(slug));
            JsonNode checked = api.write(HttpMethod.POST, PROPOSALS + "/checks", body, JsonNode.class, slug);
            if (checked != null) {
                answered = true;
                for (JsonNode problem : checked.path("problems")) {
                    problems.add(new CheckProblem(problem.path("severity").asString("error"),
                            problem.path("field").asString(null), problem.path("message").asString("")));
                }
            }
        } catch (FormProblem incomplete) {
            // the form is not yet one we would send: nothing to say while typing
        } catch (ApiRefusal refusal) {
            if (refusal.status() != 404 && refusal.status() != 405 && refusal.status() < 500) {
                answered = true;
                problems.add(new CheckProblem("error", RefusedField.of(refusal), refusal.detail()));
            }
        }
        fragment.addObject("answered", answered);
        fragment.addObject("problems", problems);
        return fragment;
    }

    private ListStructure structure(String slug) {
        return new ListStructure(api.readJson("/api/lists/{slug}", slug));
    }

    private static ModelAndView view(Page page, String slug, ProposeForm form, ListStructure list,
                                     @Nullable String alert, @Nullable String field, HttpStatusCode status) {
        TargetEntry entry = form.operation().equals(ProposeForm.ADD) ? null : list.entry(form.edit());
        ModelAndView view = new ModelAndView("propose/propose");
        view.addObject("page", page);
        view.addObject("view", new ProposeView(slug, form, list.sections(), entry,
                entry == null ? "" : list.sectionTitle(entry.section()), alert, field));
        view.setStatus(status);
        return view;
    }
}

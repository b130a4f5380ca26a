package dev.curation.web.history;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import dev.curation.web.page.Page;
import dev.curation.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /lists/{slug}/history}: every version, filtered and paged (see the package comment). */
@Controller
class HistoryController {

    private final CurationApi api;
    private final Pages pages;

    HistoryController(CurationApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GetMapping("/lists/{slug}/history")
    String history(@PathVariable String slug, @RequestParam(required = false) @Nullable String actor,
                   @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                   @RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String page,
                   @RequestParam(required = false) @Nullable String size,
                   @RequestParam(required = false) @Nullable Long reverted,
                   @RequestParam(required = false) @Nullable String proposed,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        HistoryFilter filter = HistoryFilter.of(actor, from, to, kind, page, size);
        Page view = pages.of(request, "history.title", slug);
        String problem = filter.problem() == null ? null : view.t(filter.problem());
        HistoryPage versions = new HistoryPage(List.of(), filter.page(), filter.size(), null);
        if (problem == null) {
            try {
                String path = filter.apiPath() + (reverted == null ? "" : "&minVersion=" + Math.max(1, reverted));
                versions = api.read(path, HistoryPage.class, filter.variables(slug));
            } catch (ApiRefusal refusal) {
                if (refusal.status() != 400) {
                    throw refusal;
                }
                problem = refusal.detail();
            }
        }
        if (problem != null) {
            response.setStatus(400);
        }
        model.addAttribute("page", view);
        model.addAttribute("slug", slug);
        model.addAttribute("filter", filter);
        model.addAttribute("problem", problem);
        model.addAttribute("versions", versions.rows());
        model.addAttribute("hasNext", versions.next() != null);
        model.addAttribute("reverted", reverted);
        model.addAttribute("proposed", proposed != null && proposed.matches("[A-Za-z0-9-]{1,64}") ? proposed : null);
        return "history/history";
    }
}

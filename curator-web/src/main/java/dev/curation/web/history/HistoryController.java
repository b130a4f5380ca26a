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

    /**
     * How far the query side may trail the revert that sent the reader here: the page waits for a
     * version at most this far past the newest it has (a {@code reverted} from a hand-made address
     * beyond it would only make the query service wait, then answer 503).
     */
    static final long LAG = 20;

    private final CurationApi api;
    private final Versions versions;
    private final Pages pages;

    HistoryController(CurationApi api, Versions versions, Pages pages) {
        this.api = api;
        this.versions = versions;
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
        HistoryPage rows = new HistoryPage(List.of(), filter.page(), filter.size(), null);
        // a revert makes version 2 or later, and the reader comes here from it: any other number is no revert of ours
        Long made = reverted != null && reverted >= 2 && reverted <= versions.latest(slug) + LAG ? reverted : null;
        if (problem == null) {
            try {
                rows = read(slug, filter, made);
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
        model.addAttribute("versions", rows.rows());
        model.addAttribute("hasNext", rows.next() != null);
        model.addAttribute("reverted", made);
        model.addAttribute("proposed", proposed != null && proposed.matches("[A-Za-z0-9-]{1,64}") ? proposed : null);
        return "history/history";
    }

    /** The history, after the revert that made version {@code made} if the query side has it within its wait. */
    private HistoryPage read(String slug, HistoryFilter filter, @Nullable Long made) {
        if (made != null) {
            try {
                return api.read(filter.apiPath() + "&minVersion=" + made, HistoryPage.class, filter.variables(slug));
            } catch (ApiRefusal notYet) {
                if (notYet.status() < 500) {
                    throw notYet;
                }
                // still behind after the query service's wait: the history as it has it
            }
        }
        return api.read(filter.apiPath(), HistoryPage.class, filter.variables(slug));
    }
}

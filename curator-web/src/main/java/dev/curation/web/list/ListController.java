package dev.curation.web.list;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import dev.curation.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * {@code /lists/{slug}}: see the package comment. The three reads run at once on virtual threads,
 * so a big list waits for the slowest of them, not for their sum.
 */
@Controller
class ListController {

    private static final int LONGEST_QUERY = 200;

    private final CurationApi api;
    private final Pages pages;

    ListController(CurationApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GetMapping("/lists/{slug}")
    String list(@PathVariable String slug, @RequestParam(defaultValue = "") String q, HttpServletRequest request,
                Model model) {
        String query = q.length() > LONGEST_QUERY ? q.substring(0, LONGEST_QUERY) : q;
        ListPage list;
        try (ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor()) {
            var lint = CompletableFuture.supplyAsync(optional(() -> api.readJson("/api/lists/{slug}/lint", slug)), reads);
            var blame = CompletableFuture.supplyAsync(
                    optional(() -> api.readJson("/api/lists/{slug}/entries/blame", slug)), reads);
            JsonNode structure;
            try {
                structure = api.readJson("/api/lists/{slug}", slug);
            } catch (ApiRefusal refusal) {
                if (!importing(refusal)) {
                    throw refusal;
                }
                // its current version is only a point of the history on its way: how far it is instead
                model.addAttribute("page", pages.of(request, "list.importing.title", slug));
                model.addAttribute("progress", ImportProgress.of(slug, refusal.member("import"), progress(slug)));
                return "list/importing";
            }
            list = ListReading.of(structure, lint.join(), blame.join(), query);
        }
        model.addAttribute("page", pages.of(request, "list.title", list.title()));
        model.addAttribute("list", list);
        return "list/list";
    }

    /**
     * The importing page's progress part alone, which the page asks for again every few seconds
     * (htmx) until the import is complete or has failed.
     */
    @GetMapping("/lists/{slug}/import-progress")
    String importProgress(@PathVariable String slug, HttpServletRequest request, Model model) {
        JsonNode progress = progress(slug);
        if (progress == null) {
            throw new ApiRefusal(404, null, pages.of(request, "list.importing.title", slug).t("list.importing.unknown"));
        }
        model.addAttribute("page", pages.of(request, "list.importing.title", slug));
        model.addAttribute("progress", ImportProgress.of(slug, null, progress));
        return "list/importProgress";
    }

    /** A 409 of the query service saying the list's git history is still being imported. */
    static boolean importing(ApiRefusal refusal) {
        return refusal.status() == 409 && refusal.member("type").asString("").endsWith("importing");
    }

    /** The command service's progress of the list's import (it alone knows a failure), null if it cannot say. */
    private @Nullable JsonNode progress(String slug) {
        try {
            return api.readCommand("/api/lists/{slug}/git/import", slug);
        } catch (ApiRefusal notNow) {
            return null;
        }
    }

    /** A read the page can do without: lint busy, blame not deployed yet. */
    private static Supplier<@Nullable JsonNode> optional(Supplier<JsonNode> read) {
        return () -> {
            try {
                return read.get();
            } catch (ApiRefusal notNow) {
                return null;
            }
        };
    }
}

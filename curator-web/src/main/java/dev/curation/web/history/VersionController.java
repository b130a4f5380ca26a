package dev.curation.web.history;

import dev.curation.web.page.Page;
import dev.curation.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /lists/{slug}/versions/{n}}: what version n changed, who and why, and the list as it was
 * then: its topics and entries as the list page draws them, its Markdown text folded away below.
 */
@Controller
class VersionController {

    private final Versions versions;
    private final Pages pages;

    VersionController(Versions versions, Pages pages) {
        this.versions = versions;
        this.pages = pages;
    }

    @GetMapping("/lists/{slug}/versions/{n}")
    String version(@PathVariable String slug, @PathVariable String n, HttpServletRequest request, Model model) {
        Page page = pages.of(request, "version.title", n, slug);
        long latest = versions.latest(slug);
        long version = Versions.number(n, latest, page.t("version.none", n));
        List<DiffLine> diff = version > 1 ? versions.diff(slug, version - 1, version) : List.of();
        model.addAttribute("page", page);
        model.addAttribute("slug", slug);
        model.addAttribute("version", version);
        model.addAttribute("latest", latest);
        model.addAttribute("row", versions.row(slug, version));
        model.addAttribute("list", versions.structure(slug, version));
        model.addAttribute("markdown", versions.markdown(slug, version));
        model.addAttribute("diff", diff);
        return "history/version";
    }
}

package dev.curation.web.home;

import dev.curation.web.api.CurationApi;
import dev.curation.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: every list (see the package comment). */
@Controller
class HomeController {

    private final CurationApi api;
    private final Pages pages;

    HomeController(CurationApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        model.addAttribute("page", pages.of(request, "home.title"));
        model.addAttribute("lists", api.read("/api/lists", Lists.class).items());
        return "home/home";
    }

    /** {@code GET /api/lists}. */
    record Lists(List<ListSummary> items) {
    }
}

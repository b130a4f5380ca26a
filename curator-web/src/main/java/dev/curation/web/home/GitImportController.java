package dev.curation.web.home;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import dev.curation.web.page.Page;
import dev.curation.web.page.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.JsonNode;

/**
 * {@code /lists/new/git}: a curator imports a list with its git history. The command service
 * accepts it at once (202) and imports the commits in the background; the list's page then says
 * how far it is. A refusal comes back on the form, its field marked, what was typed kept but the
 * password.
 */
@Controller
class GitImportController {

    /** How long to wait for the query service to know the new list before going to its page. */
    private static final Duration VISIBLE = Duration.ofSeconds(3);

    private final CurationApi api;
    private final Pages pages;

    GitImportController(CurationApi api, Pages pages) {
        this.api = api;
        this.pages = pages;
    }

    @GetMapping("/lists/new/git")
    String form(HttpServletRequest request, Model model) {
        // signed in: the security configuration sends anyone else to sign in first
        return show(pages.of(request, "gitImport.title"), GitImportForm.empty(), null, model);
    }

    @PostMapping("/lists/new/git")
    Object start(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String repository,
                 @RequestParam(defaultValue = "") String branch, @RequestParam(defaultValue = "") String path,
                 @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        Page page = pages.of(request, "gitImport.title");
        String name = slug.strip();
        Map<String, Object> git = new LinkedHashMap<>();
        git.put("repository", repository.strip());
        git.put("branch", branch.strip());
        git.put("path", path.strip());
        if (!username.isBlank() || !password.isEmpty()) {
            git.put("credentials", Map.of("username", username.strip(), "password", password));
        }
        GitImportForm typed = new GitImportForm(name, repository.strip(), branch.strip(), path.strip(), username.strip(), "");
        try {
            api.write(HttpMethod.POST, "/api/lists?slug={slug}", Map.of("git", git), JsonNode.class, name);
        } catch (ApiRefusal refusal) {
            response.setStatus(refusal.status() >= 500 ? 503 : refusal.status());
            String field = GitImportForm.fieldOf(refusal.field(), refusal.member("type").asString(""));
            return show(page, typed.refusedOn(field), refusal.detail(), model);
        }
        // the list's page reads the query service, a moment behind: it shows the import once it knows the list
        api.awaitReadable(VISIBLE, "/api/lists/{slug}/history?page=0&size=1", name);
        RedirectView list = new RedirectView("/lists/" + URLEncoder.encode(name, StandardCharsets.UTF_8), true);
        list.setStatusCode(HttpStatus.SEE_OTHER);
        list.setExposeModelAttributes(false);
        return list;
    }

    private String show(Page page, GitImportForm form, @Nullable String refusal, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        return "home/importGit";
    }
}

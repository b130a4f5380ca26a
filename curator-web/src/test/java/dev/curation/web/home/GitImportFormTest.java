package dev.curation.web.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.curation.web.settings.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** "Import a list from git": the form, the import started as the signed-in curator, refusals on their fields. */
class GitImportFormTest extends PageTestSupport {

    private static final String PASSWORD = "tok3n-never-shown";

    @Test
    void theFormHasTheUsualBranchAndFileAndHomeOffersIt() throws Exception {
        API.json("GET", "/api/lists", "{\"items\": []}");
        String home = mvc.perform(get("/").with(signedIn("bob", "CURATOR"))).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("<a class=\"button secondary\" href=\"/lists/new/git\">Import a list from git</a>");

        MvcResult answer = mvc.perform(get("/lists/new/git").with(signedIn("bob", "CURATOR"))).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.getResponse().getContentAsString())
                .contains("<form method=\"post\" action=\"/lists/new/git\"", "name=\"_csrf\"")
                .contains("name=\"branch\" spellcheck=\"false\" required maxlength=\"250\" value=\"main\"")
                .contains("name=\"path\" spellcheck=\"false\" required maxlength=\"1000\" value=\"README.md\"")
                .contains("type=\"password\" id=\"password\" name=\"password\" maxlength=\"1000\" autocomplete=\"new-password\"")
                .doesNotContain("role=\"alert\"");
    }

    @Test
    void signedOutTheFormAsksToSignInFirst() throws Exception {
        MvcResult answer = mvc.perform(get("/lists/new/git")).andReturn();

        assertThat(answer.getResponse().getStatus()).isBetween(300, 399);
        assertThat(answer.getResponse().getRedirectedUrl()).contains("/oauth2/authorization/curation");
    }

    @Test
    void anAcceptedImportGoesToTheListsPage() throws Exception {
        API.answer("POST", "/api/lists", 202, "application/json", """
                {"id": "l1", "slug": "tools", "state": "running", "repository": "https://git.example/tools.git",
                 "branch": "main", "path": "README.md", "commits": 100, "version": 1, "skipped": 0}""");
        API.json("GET", "/api/lists/tools/history", "{\"items\": [], \"page\": 0, \"size\": 1, \"next\": null}");

        MvcResult answer = mvc.perform(post("/lists/new/git").with(signedIn("bob", "CURATOR")).with(csrf())
                .param("slug", " tools ").param("repository", "https://git.example/tools.git").param("branch", "main")
                .param("path", "README.md").param("username", "bob").param("password", PASSWORD)).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(303);
        assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/lists/tools");
        assertThat(API.seen()).anySatisfy(seen -> {
            assertThat(seen.method() + " " + seen.uri()).isEqualTo("POST /api/lists?slug=tools");
            assertThat(seen.authorization()).isEqualTo("Bearer token-of-bob");
            assertThat(seen.body()).startsWith("{\"git\":{\"repository\":\"https://git.example/tools.git\",\"branch\":\"main\","
                    + "\"path\":\"README.md\",\"credentials\":{")
                    .contains("\"username\":\"bob\"", "\"password\":\"" + PASSWORD + "\"");
        });
    }

    @Test
    void aRefusedRepositoryIsMarkedAndWhatWasTypedKeptButThePassword() throws Exception {
        API.answer("POST", "/api/lists", 400, "application/problem+json", """
                {"type": "urn:curation:problem:repository-not-allowed", "title": "Repository not allowed", "status": 400,
                 "detail": "repository 'https://10.0.0.1/x.git' is a private address", "field": "repository"}""");

        MvcResult answer = mvc.perform(post("/lists/new/git").with(signedIn("bob", "CURATOR")).with(csrf())
                .param("slug", "tools").param("repository", "https://10.0.0.1/x.git").param("branch", "trunk")
                .param("path", "LIST.md").param("username", "bob").param("password", PASSWORD)).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(400);
        String html = answer.getResponse().getContentAsString();
        assertThat(html).contains("<p class=\"refusal\" role=\"alert\" id=\"import-refusal\">repository 'https://10.0.0.1/x.git' is a private address</p>")
                .contains("value=\"https://10.0.0.1/x.git\" aria-invalid=\"true\" aria-describedby=\"import-refusal\"")
                .contains("value=\"trunk\"", "value=\"LIST.md\"", "value=\"tools\"", "value=\"bob\"")
                .doesNotContain(PASSWORD);
        assertThat(html.split("aria-invalid=\"true\"", -1)).hasSize(2);
    }

    @Test
    void aTakenSlugIsMarkedOnTheSlug() throws Exception {
        API.answer("POST", "/api/lists", 409, "application/problem+json", """
                {"type": "urn:curation:problem:slug-taken", "title": "Slug already taken", "status": 409,
                 "detail": "slug 'tools' is taken", "slug": "tools"}""");

        MvcResult answer = mvc.perform(post("/lists/new/git").with(signedIn("bob", "CURATOR")).with(csrf())
                .param("slug", "tools").param("repository", "https://git.example/tools.git").param("branch", "main")
                .param("path", "README.md")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(409);
        assertThat(answer.getResponse().getContentAsString())
                .contains("value=\"tools\"\n         aria-invalid=\"true\" aria-describedby=\"import-refusal slug-hint\"");
        assertThat(API.seen()).anySatisfy(seen -> assertThat(seen.body()).doesNotContain("credentials"));
    }
}

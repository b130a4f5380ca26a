package dev.curation.web.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.curation.web.settings.PageTestSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A list whose git history is still being imported: its page says how far the import is (and a
 * failure in the service's words) instead of failing; home shows the progress too.
 */
class ImportingListPageTest extends PageTestSupport {

    private static final String IMPORTING = """
            {"type": "urn:curation:problem:importing", "title": "List still importing", "status": 409,
             "detail": "list 'tools' is still importing its git history (version 40 of 100)",
             "import": {"state": "importing", "repository": "https://git.example/<b>tools</b>.git", "branch": "main",
                        "path": "README.md", "version": 40, "commits": 100}}""";

    @Test
    void aListStillImportingShowsHowFarItIsWithItsHistoryAndAsksAgain() throws Exception {
        API.answer("GET", "/api/lists/tools", 409, "application/problem+json", IMPORTING);
        API.json("GET", "/api/lists/tools/git/import", progress("running", 41, null));

        MvcResult answer = mvc.perform(get("/lists/tools")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        String html = answer.getResponse().getContentAsString();
        assertThat(html).contains("<title>Importing tools")
                .contains("Importing from https://git.example/&lt;b&gt;tools&lt;/b&gt;.git main:README.md: version 41 of 100")
                .contains("<progress max=\"100\" value=\"41\" aria-labelledby=\"import-progress-text\">")
                .contains("href=\"/lists/tools/history\"")
                .contains("hx-get=\"/lists/tools/import-progress\"", "hx-trigger=\"every 5s\"")
                .doesNotContain("<b>tools</b>").doesNotContain("role=\"alert\"");
        // the progress was read from the command service as anyone may, without a token
        assertThat(API.seen()).anySatisfy(seen -> {
            assertThat(seen.uri()).isEqualTo("/api/lists/tools/git/import");
            assertThat(seen.authorization()).isEmpty();
        });
    }

    @Test
    void withoutTheCommandServiceThePageMakesDoWithWhatTheListSays() throws Exception {
        API.answer("GET", "/api/lists/tools", 409, "application/problem+json", IMPORTING);

        String html = mvc.perform(get("/lists/tools").header("Accept-Language", "zh-CN")).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("正在从 https://git.example/&lt;b&gt;tools&lt;/b&gt;.git main:README.md 导入：第 40 个版本，共 100 个");
    }

    @Test
    void aFailedImportShowsItsErrorAndStopsAsking() throws Exception {
        API.answer("GET", "/api/lists/tools", 409, "application/problem+json", IMPORTING);
        API.json("GET", "/api/lists/tools/git/import",
                progress("failed", 41, "the branch was rewritten while the import ran: <commit> is gone"));

        String html = mvc.perform(get("/lists/tools")).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("stopped at version 41 of 100")
                .contains("<p class=\"refusal\" role=\"alert\">The import failed: the branch was rewritten while the "
                        + "import ran: &lt;commit&gt; is gone</p>")
                .doesNotContain("hx-get=").doesNotContain("hx-trigger=");
    }

    @Test
    void anAttemptThatFailedIsSaidToBeTriedAgain() throws Exception {
        API.answer("GET", "/api/lists/tools", 409, "application/problem+json", IMPORTING);
        API.json("GET", "/api/lists/tools/git/import", progress("running", 41, "connection reset"));

        String html = mvc.perform(get("/lists/tools")).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The last attempt failed (connection reset); it is tried again by itself.")
                .contains("hx-trigger=\"every 5s\"").doesNotContain("role=\"alert\"");
    }

    @Test
    void theProgressPartSaysWhenTheImportIsComplete() throws Exception {
        API.json("GET", "/api/lists/tools/git/import", progress("running", 41, null));
        String running = mvc.perform(get("/lists/tools/import-progress")).andReturn().getResponse().getContentAsString();
        assertThat(running).startsWith("<div id=\"import-progress\"").contains("version 41 of 100")
                .contains("hx-trigger=\"every 5s\"").doesNotContain("<html");

        API.json("GET", "/api/lists/tools/git/import", progress("complete", 100, null));
        String complete = mvc.perform(get("/lists/tools/import-progress")).andReturn().getResponse().getContentAsString();
        assertThat(complete).contains("all 100 versions are in").contains("<a class=\"button\" href=\"/lists/tools\">Open the list</a>")
                .doesNotContain("hx-trigger=").doesNotContain("<progress");
    }

    @Test
    void anotherConflictIsStillARefusal() throws Exception {
        API.problem("GET", "/api/lists/tools", 409, "something else");

        MvcResult answer = mvc.perform(get("/lists/tools")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(409);
        assertThat(answer.getResponse().getContentAsString()).contains("something else").doesNotContain("import-progress");
    }

    @Test
    void homeShowsTheProgressOfAListStillImporting() throws Exception {
        API.json("GET", "/api/lists", """
                {"items": [
                  {"slug": "tools", "version": 40, "sections": 3, "entries": 20,
                   "import": {"state": "importing", "repository": "https://git.example/tools.git", "branch": "main",
                              "path": "README.md", "version": 40, "commits": 100}},
                  {"slug": "done", "version": 7, "sections": 1, "entries": 2,
                   "import": {"state": "complete", "repository": "https://git.example/done.git", "branch": "main",
                              "path": "README.md", "version": 7, "commits": 7}},
                  {"slug": "plain", "version": 1, "sections": 1, "entries": 1}]}""");

        String html = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<p id=\"import-tools\">Importing from https://git.example/tools.git main:README.md: version 40 of 100</p>")
                .contains("<progress max=\"100\" value=\"40\" aria-labelledby=\"import-tools\">")
                .doesNotContain("import-done").doesNotContain("import-plain")
                // signed out: no import form offered
                .doesNotContain("href=\"/lists/new/git\"");
    }

    private static String progress(String state, int version, @Nullable String error) {
        return "{\"id\": \"l1\", \"slug\": \"tools\", \"state\": \"" + state + "\", \"repository\": "
                + "\"https://git.example/<b>tools</b>.git\", \"branch\": \"main\", \"path\": \"README.md\", \"commits\": 100, "
                + "\"version\": " + version + ", \"skipped\": 0, \"lastCommit\": null, \"lastError\": "
                + (error == null ? "null" : "\"" + error + "\"") + ", \"startedBy\": \"bob\", "
                + "\"startedAt\": \"2026-01-02T03:04:05Z\", \"updatedAt\": \"2026-01-02T03:04:06Z\", "
                + "\"list\": \"http://query/api/lists/tools\"}";
    }
}

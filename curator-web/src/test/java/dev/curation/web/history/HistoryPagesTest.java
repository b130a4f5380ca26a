package dev.curation.web.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.curation.web.settings.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The history pages: people's words as text, a version's diff not in colour alone, a curator's revert. */
class HistoryPagesTest extends PageTestSupport {

    private static final String HOSTILE_ACTOR = "\"><img src=x onerror=alert(1)>";
    private static final String HOSTILE_SENTENCE = "added [<script>alert(1)</script>](https://x.example)";

    @Test
    void actorsAndSentencesAreShownAsText() throws Exception {
        API.json("GET", "/api/lists/demo/history", """
                {"items": [{"version": 2, "timestamp": "2026-01-02T03:04:05Z", "actor": "\\"><img src=x onerror=alert(1)>",
                  "kind": "edit", "summary": "added [<script>alert(1)</script>](https://x.example)", "proposal": null,
                  "rationale": "<b>why</b>", "eventIds": []}],
                 "page": 0, "size": 20, "next": "http://query/api/lists/demo/history?page=1"}""");

        MvcResult answer = mvc.perform(get("/lists/demo/history")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        String html = answer.getResponse().getContentAsString();
        assertThat(html).doesNotContain(HOSTILE_ACTOR).doesNotContain(HOSTILE_SENTENCE).doesNotContain("<b>why</b>")
                .contains("<span class=\"actor\">\"&gt;&lt;img src=x onerror=alert(1)&gt;</span>")
                .contains("added [&lt;script&gt;alert(1)&lt;/script&gt;](https://x.example)")
                .contains("<a href=\"/lists/demo/versions/2\">Version 2</a>")
                .contains("<time datetime=\"2026-01-02T03:04:05Z\">")
                .contains("href=\"/lists/demo/history?page=1\"");
    }

    @Test
    void aFilterTheApiRefusesIsAMessageOnTheForm() throws Exception {
        MvcResult answer = mvc.perform(get("/lists/demo/history").param("kind", "<script>")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(400);
        assertThat(answer.getResponse().getContentAsString()).contains("role=\"alert\">Choose one of the kinds offered.");
    }

    @Test
    void aVersionShowsItsTextAndItsDiffMarkedForEveryone() throws Exception {
        API.json("GET", "/api/lists/demo/history?page=0&size=1", version(3));
        API.json("GET", "/api/lists/demo/history?page=1&size=1", version(2));
        API.answer("GET", "/api/lists/demo/markdown", 200, "text/markdown", "# Demo\n- [<b>x</b>](https://x.example)\n");
        API.answer("GET", "/api/lists/demo/diff", 200, "text/x-diff", "--- a/demo.md\n+++ b/demo.md\n@@ -1,2 +1,2 @@\n # Demo\n-- [a](https://a.example)\n+- [<b>x</b>](https://x.example)\n");

        String html = mvc.perform(get("/lists/demo/versions/2")).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<del class=\"diff-line\"><span class=\"visually-hidden\">removed: </span>-- [a](https://a.example)</del>")
                .contains("<ins class=\"diff-line\"><span class=\"visually-hidden\">added: </span>+- [&lt;b&gt;x&lt;/b&gt;](https://x.example)</ins>")
                .contains("<pre class=\"markdown\"").contains("Sign in to revert this version");
        assertThat(API.seen()).anySatisfy(seen -> assertThat(seen.uri()).isEqualTo("/api/lists/demo/diff?from=1&to=2"));
    }

    @Test
    void aCuratorRevertsARangeAndLandsOnTheHistoryWithAConfirmation() throws Exception {
        API.json("GET", "/api/lists/demo/history?page=0&size=1", version(3));
        API.json("GET", "/api/lists/demo/members", "{\"members\": [{\"member\": \"bob\", \"role\": \"curator\"}], \"changes\": []}");
        API.json("POST", "/api/lists/demo/reverts", "{\"version\": 4, \"reverted\": 2, \"through\": 3}");

        MvcResult answer = mvc.perform(post("/lists/demo/versions/2/revert").with(signedIn("bob", "curator")).with(csrf())
                .param("through", "3")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(303);
        assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/lists/demo/history?reverted=4");
        assertThat(API.seen()).anySatisfy(seen -> {
            assertThat(seen.uri()).isEqualTo("/api/lists/demo/reverts");
            assertThat(seen.body()).isEqualTo("{\"version\":2,\"throughVersion\":3}");
        });
    }

    @Test
    void aContributorProposesTheRevertAndARefusalStaysOnThePage() throws Exception {
        API.json("GET", "/api/lists/demo/history?page=0&size=1", version(3));
        API.json("GET", "/api/lists/demo/members", "{\"members\": [], \"changes\": []}");
        API.answer("GET", "/api/lists/demo/diff", 200, "text/x-diff", "");
        API.problem("POST", "/api/lists/demo/proposals", 409, "later versions changed e3: revert them first");

        MvcResult answer = mvc.perform(post("/lists/demo/versions/3/revert").with(signedIn("carol", "contributor")).with(csrf())
                .param("rationale", "spam")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(409);
        assertThat(answer.getResponse().getContentAsString())
                .contains("role=\"alert\">later versions changed e3: revert them first").contains(">spam</textarea>");
        assertThat(API.seen()).anySatisfy(seen -> assertThat(seen.body())
                .contains("\"edits\":[{\"op\":\"revert\",\"version\":3,\"throughVersion\":null}]").contains("\"baseVersion\":3"));
    }

    private static String version(long n) {
        return "{\"items\": [{\"version\": " + n + ", \"timestamp\": \"2026-01-02T03:04:05Z\", \"actor\": \"alice\", "
                + "\"kind\": \"edit\", \"summary\": \"alice edited\", \"eventIds\": []}], \"page\": 0, \"size\": 1, \"next\": null}";
    }
}

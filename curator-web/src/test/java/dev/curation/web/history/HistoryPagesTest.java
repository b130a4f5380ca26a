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
    void aVersionShowsItsRowTheListAsItWasAndItsDiffMarkedForEveryone() throws Exception {
        API.json("GET", "/api/lists/demo/history?page=0&size=1", version(3));
        API.json("GET", "/api/lists/demo/history/2", """
                {"version": 2, "timestamp": "2026-01-02T03:04:05Z", "actor": "carol", "kind": "proposal",
                 "summary": "carol added x", "proposal": "p-7", "rationale": "<i>because</i>", "eventIds": []}""");
        API.json("GET", "/api/lists/demo?version=2", """
                {"id": "l1", "slug": "demo", "version": 2, "entries": [], "sections": [
                  {"id": "s1", "title": "Demo", "level": 1, "entries": [], "sections": [
                    {"id": "s2", "title": "<script>alert(1)</script>", "level": 2, "sections": [], "entries": [
                      {"id": "e1", "title": "\\"><img src=x onerror=alert(1)>", "url": "https://x.example/a", "description": "Then."},
                      {"id": "e2", "title": "bad", "url": null, "unsafe": true, "rawUrl": "javascript:alert(1)", "description": ""}]}]}]}""");
        API.answer("GET", "/api/lists/demo/markdown", 200, "text/markdown", "# Demo\n- [<b>x</b>](https://x.example)\n");
        API.answer("GET", "/api/lists/demo/diff", 200, "text/x-diff", "--- a/demo.md\n+++ b/demo.md\n@@ -1,2 +1,2 @@\n # Demo\n-- [a](https://a.example)\n+- [<b>x</b>](https://x.example)\n");

        String html = mvc.perform(get("/lists/demo/versions/2")).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("<del class=\"diff-line\"><span class=\"visually-hidden\">removed: </span>-- [a](https://a.example)</del>")
                .contains("<ins class=\"diff-line\"><span class=\"visually-hidden\">added: </span>+- [&lt;b&gt;x&lt;/b&gt;](https://x.example)</ins>")
                .contains("Sign in to revert this version");
        // its own row, not worked out from the paged history
        assertThat(html).contains("<p class=\"sentence\">carol added x</p>", "&lt;i&gt;because&lt;/i&gt;",
                "href=\"/lists/demo/proposals/p-7\"");
        assertThat(API.seen()).noneSatisfy(seen -> assertThat(seen.uri()).startsWith("/api/lists/demo/history?page=1"));
        // the list as it was, drawn as the list page draws it: topics under the section's h2, people's words as text
        assertThat(html).containsSubsequence("<h2 id=\"text-heading\">The list at version 2</h2>",
                "<p class=\"past-title\">Demo</p>",
                "<h3 id=\"h-s2\"><a class=\"anchor\" href=\"#s2\">&lt;script&gt;alert(1)&lt;/script&gt;</a></h3>",
                "<li class=\"entry\" id=\"e1\">", "href=\"https://x.example/a\"", "\"&gt;&lt;img src=x onerror=alert(1)&gt;</a>",
                "<li class=\"entry\" id=\"e2\">", "<code class=\"url\">javascript:alert(1)</code>",
                "<details class=\"markdown-text\">", "<summary>Markdown text of version 2</summary>", "<pre class=\"markdown\"");
        assertThat(html).doesNotContain("href=\"javascript:").doesNotContain("<script>alert(1)");
        assertThat(API.seen()).anySatisfy(seen -> assertThat(seen.uri()).isEqualTo("/api/lists/demo/diff?from=1&to=2"));

        // signed in, a past entry offers no proposals of changes to it
        String signedIn = mvc.perform(get("/lists/demo/versions/2").with(signedIn("carol", "CONTRIBUTOR"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(signedIn).contains("<li class=\"entry\" id=\"e1\">").doesNotContain("/propose?edit=e1")
                .doesNotContain("/propose?section=s2");
    }

    @Test
    void aRevertTheCheckRefusesIsShownBeforeConfirmingAndNothingIsSent() throws Exception {
        API.json("GET", "/api/lists/demo/history?page=0&size=1", version(4));
        API.json("GET", "/api/lists/demo/members", "{\"members\": [{\"member\": \"bob\", \"role\": \"curator\"}], \"changes\": []}");
        API.answer("GET", "/api/lists/demo/diff", 200, "text/x-diff", "--- a/demo.md\n+++ b/demo.md\n@@ -1 +1 @@\n-- [a](https://a.example)\n+- [b](https://b.example)\n");
        API.json("POST", "/api/lists/demo/reverts/checks", """
                {"acceptable": false, "problems": [{"severity": "error",
                 "message": "items [e122] changed since version 2 (the list is at version 4); nothing was applied"}]}""");

        MvcResult answer = mvc.perform(get("/lists/demo/versions/2/revert").param("through", "3")
                .with(signedIn("bob", "CURATOR"))).andReturn();

        String html = answer.getResponse().getContentAsString();
        assertThat(answer.getResponse().getStatus()).isEqualTo(422);
        assertThat(html).contains("<p class=\"refusal\" role=\"alert\">items [e122] changed since version 2 (the list is at "
                        + "version 4); nothing was applied</p>")
                // what would be undone stays visible; no way to confirm what would be refused
                .contains("What will be undone", "-- [a](https://a.example)")
                .doesNotContain("<form method=\"post\" action=\"/lists/demo/versions/2/revert\"").doesNotContain("Revert now");
        assertThat(API.seen()).anySatisfy(seen -> {
            assertThat(seen.uri()).isEqualTo("/api/lists/demo/reverts/checks");
            assertThat(seen.body()).isEqualTo("{\"version\":2,\"throughVersion\":3}");
            assertThat(seen.authorization()).isEqualTo("Bearer token-of-bob");
        });
        assertThat(API.seen()).noneSatisfy(seen -> assertThat(seen.uri()).isIn("/api/lists/demo/reverts", "/api/lists/demo/proposals"));
    }

    @Test
    void anAcceptableRevertNamesTheEntriesAndTopicsItWouldChange() throws Exception {
        API.json("GET", "/api/lists/demo/history?page=0&size=1", version(4));
        API.json("GET", "/api/lists/demo/members", "{\"members\": [], \"changes\": []}");
        API.answer("GET", "/api/lists/demo/diff", 200, "text/x-diff", "");
        API.json("GET", "/api/lists/demo", """
                {"slug": "demo", "version": 4, "entries": [], "sections": [
                  {"id": "s1", "title": "Papers", "level": 2, "entries": [], "sections": [
                    {"id": "s2", "title": "<b>Tools</b>", "level": 3, "entries": [], "sections": []}]}]}""");
        API.json("POST", "/api/lists/demo/reverts/checks", """
                {"acceptable": true, "as": "proposal", "currentVersion": 4, "reverted": 3, "through": 3,
                 "problems": [{"severity": "warning", "rule": "separator", "message": "entry e9 has no ' - '"}],
                 "entries": [{"change": "MOVED", "id": "e7", "before": {"section": "s2", "title": "<i>Raft</i>", "url": "https://raft.github.io/", "description": ""},
                              "after": {"section": "s1", "title": "<i>Raft</i>", "url": "https://raft.github.io/", "description": ""}},
                             {"change": "EDITED", "id": "e8", "before": {"section": "s1", "title": "Paxos", "url": "https://a.example", "description": ""},
                              "after": {"section": "s1", "title": "Paxos", "url": "https://b.example", "description": ""}}],
                 "sections": [{"change": "REMOVED", "id": "s9", "before": {"parent": "s1", "title": "Old", "level": 3}, "after": null}]}""");

        String html = mvc.perform(get("/lists/demo/versions/3/revert").with(signedIn("carol", "CONTRIBUTOR"))).andReturn()
                .getResponse().getContentAsString();

        assertThat(html).contains("What it would change", "your proposal would change these entries and topics")
                .contains("Moves the entry \u201c&lt;i&gt;Raft&lt;/i&gt;\u201d from &lt;b&gt;Tools&lt;/b&gt; to Papers")
                .contains("Changes the entry \u201cPaxos\u201d <span class=\"muted\">(URL)</span>")
                .contains("Removes the topic \u201cOld\u201d", "entry e9 has no ' - '")
                .contains("Propose this revert").doesNotContain("role=\"alert\"");
    }

    @Test
    void aCuratorRevertsARangeAndLandsOnTheHistoryWithAConfirmation() throws Exception {
        API.json("GET", "/api/lists/demo/history?page=0&size=1", version(3));
        API.json("GET", "/api/lists/demo/members", "{\"members\": [{\"member\": \"bob\", \"role\": \"curator\"}], \"changes\": []}");
        API.json("POST", "/api/lists/demo/reverts", "{\"version\": 4, \"reverted\": 2, \"through\": 3}");

        MvcResult answer = mvc.perform(post("/lists/demo/versions/2/revert").with(signedIn("bob", "CURATOR")).with(csrf())
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

        MvcResult answer = mvc.perform(post("/lists/demo/versions/3/revert").with(signedIn("carol", "CONTRIBUTOR")).with(csrf())
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

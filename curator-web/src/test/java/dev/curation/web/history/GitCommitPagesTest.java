package dev.curation.web.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.curation.web.settings.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Versions from git: their commit (short id, author, author date, co-authors, merged authors, subject) on the pages. */
class GitCommitPagesTest extends PageTestSupport {

    private static final String COMMIT_ROW = """
            {"version": 2, "timestamp": "2020-02-03T19:30:00Z", "actor": "Grace Hopper <grace@example.org>", "kind": "commit",
             "summary": "Grace Hopper <grace@example.org> committed 2222222 in git: Describe RabbitMQ better",
             "proposal": null, "rationale": null, "eventIds": [],
             "commit": {"id": "2222222bbbbccccddddeeeeffff000011112222", "author": {"name": "Grace Hopper", "email": "grace@example.org"},
                        "authoredAt": "2020-02-03T14:30:00-05:00",
                        "coAuthors": [{"name": "Ada <Lovelace>", "email": "ada@example.org"}],
                        "mergedAuthors": [{"name": "Alan Turing", "email": "alan@example.org"}, {"name": "Alan Turing", "email": "alan@example.org"}],
                        "message": "Describe RabbitMQ better\\n\\nIt is more than a broker."}}""";

    @Test
    void aCommitRowNamesItsCommitAuthorDateAndSubjectWithoutEmail() throws Exception {
        API.json("GET", "/api/lists/tools/history", "{\"items\": [" + COMMIT_ROW + ", "
                + "{\"version\": 1, \"timestamp\": \"2026-01-02T03:04:05Z\", \"actor\": \"alice\", \"kind\": \"edit\","
                + " \"summary\": \"alice edited\", \"eventIds\": []}], \"page\": 0, \"size\": 20, \"next\": null}");

        MvcResult answer = mvc.perform(get("/lists/tools/history")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        String html = answer.getResponse().getContentAsString();
        assertThat(html).contains("<p class=\"sentence commit-subject\">Describe RabbitMQ better</p>")
                .contains("Committed 2222222 by Grace Hopper at 2020-02-03 14:30 -05:00")
                .contains("Co-authors: Ada &lt;Lovelace&gt;")
                .contains("Merged work by: Alan Turing</p>")
                .doesNotContain("grace@example.org").doesNotContain("It is more than a broker")
                // a version made here is shown as before
                .contains("alice edited").contains("<span class=\"actor\">alice</span>")
                .contains("<option value=\"commit\"");
    }

    @Test
    void theHistoryFiltersByCommits() throws Exception {
        API.json("GET", "/api/lists/tools/history", "{\"items\": [" + COMMIT_ROW + "], \"page\": 0, \"size\": 20, \"next\": null}");

        MvcResult answer = mvc.perform(get("/lists/tools/history").param("kind", "commit")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.getResponse().getContentAsString()).contains("<option value=\"commit\" selected>Git commit</option>");
        assertThat(API.seen()).anySatisfy(seen -> assertThat(seen.uri()).contains("/api/lists/tools/history?").contains("kind=commit"));
    }

    @Test
    void aVersionFromGitShowsItsCommitInChineseToo() throws Exception {
        API.json("GET", "/api/lists/tools/history?page=0&size=1", "{\"items\": [" + COMMIT_ROW + "], \"page\": 0, \"size\": 1, \"next\": null}");
        API.json("GET", "/api/lists/tools/history/2", COMMIT_ROW);
        API.json("GET", "/api/lists/tools?version=2", """
                {"id": "l1", "slug": "tools", "version": 2, "entries": [], "sections": []}""");
        API.answer("GET", "/api/lists/tools/markdown", 200, "text/markdown", "# Tools\n");
        API.answer("GET", "/api/lists/tools/diff", 200, "text/x-diff", "");

        String html = mvc.perform(get("/lists/tools/versions/2")).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Committed 2222222 by Grace Hopper at 2020-02-03 14:30 -05:00", "Describe RabbitMQ better")
                .doesNotContain("grace@example.org");

        String chinese = mvc.perform(get("/lists/tools/versions/2").header("Accept-Language", "zh-CN")).andReturn()
                .getResponse().getContentAsString();
        assertThat(chinese).contains("Grace Hopper 于 2020-02-03 14:30 -05:00 提交了 2222222", "共同作者：Ada &lt;Lovelace&gt;");
    }
}

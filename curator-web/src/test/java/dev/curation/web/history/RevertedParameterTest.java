package dev.curation.web.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.curation.web.settings.PageTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * {@code /history?reverted=N} waits for the revert it confirms only when N can be one (the query
 * service would wait for any version asked, then answer 503), and shows the history either way.
 */
class RevertedParameterTest extends PageTestSupport {

    private static final String ROWS = """
            {"items": [{"version": 3, "timestamp": "2026-01-02T03:04:05Z", "actor": "alice", "kind": "edit",
              "summary": "alice edited", "eventIds": []}], "page": 0, "size": 20, "next": null}""";

    @Test
    void aVersionNoRevertCanHaveMadeIsNeitherWaitedForNorConfirmed() throws Exception {
        API.json("GET", "/api/lists/demo/history", ROWS);

        for (String reverted : new String[] {"999999", "-5", "1"}) {
            MvcResult answer = mvc.perform(get("/lists/demo/history").param("reverted", reverted)).andReturn();

            assertThat(answer.getResponse().getStatus()).as(reverted).isEqualTo(200);
            assertThat(answer.getResponse().getContentAsString()).as(reverted).contains("alice edited")
                    .doesNotContain("Reverted: version");
        }
        assertThat(API.seen()).noneMatch(seen -> seen.uri().contains("minVersion"));
    }

    @Test
    void aRevertTheQuerySideHasNotReachedInItsWaitShowsTheHistoryAsItIs() throws Exception {
        API.json("GET", "/api/lists/demo/history", ROWS);
        API.problem("GET", "/api/lists/demo/history?page=0&size=20&minVersion=4", 503, "not visible here yet");

        MvcResult answer = mvc.perform(get("/lists/demo/history").param("reverted", "4")).andReturn();

        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(answer.getResponse().getContentAsString()).contains("alice edited", "Reverted: version 4");
    }
}

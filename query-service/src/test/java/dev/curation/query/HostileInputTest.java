package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whatever a client sends, the query service answers a 4xx problem+json naming what was wrong,
 * never a 500, never a Java type name: each case below was a 500 (or a bare error page) before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends KafkaFedTest {

    private static final String SLUG = "hostile";
    private static final String FAR_FUTURE = "%2B1000000000-01-01T00:00:00Z";

    @BeforeAll
    void list() throws Exception {
        importList(UUID.randomUUID().toString(), SLUG, "# A\n- [x](https://x.example)\n");
    }

    @Test
    void aPageBeyondAnyHistoryIsRefusedNotOverflowed() throws Exception {
        assertProblem(get("/api/lists/hostile/history?page=2147483647"), 400, "page", "1000000");
        assertProblem(get("/api/lists/hostile/history?page=-1"), 400, "page");
        assertProblem(get("/api/lists/hostile/history?size=0"), 400, "size", "200");
        assertThat(get("/api/lists/hostile/history?page=1000000&size=200").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"page, 99999999999", "page, abc", "size, 1e3", "limit, x"})
    void aNumberThatIsNotOneNamesTheParameter(String name, String value) throws Exception {
        String path = name.equals("limit") ? "/api/search?q=x&limit=" + value : "/api/lists/hostile/history?" + name + "=" + value;
        assertProblem(get(path), 400, name + " must be a whole number", value);
    }

    @Test
    void versionsAreNumbersFromOne() throws Exception {
        assertProblem(get("/api/lists/hostile/markdown?version=abc"), 400, "version must be a whole number", "'abc'");
        assertProblem(get("/api/lists/hostile/markdown?version=0"), 400, "version", "1 or more");
        assertProblem(get("/api/lists/hostile/markdown?version=-5"), 400, "version");
        assertProblem(get("/api/lists/hostile/markdown?version=99"), 404, "no version 99");
        assertProblem(get("/api/lists/hostile/diff?from=abc&to=1"), 400, "from must be a whole number");
        assertProblem(get("/api/lists/hostile/diff?from=0&to=1", "Accept", "text/x-diff"), 400, "from", "1 or more");
        assertProblem(get("/api/lists/hostile/diff?from=1&to=-1"), 400, "to", "1 or more");
        assertProblem(get("/api/lists/hostile/diff?from=1"), 400, "to", "required");
        assertProblem(get("/api/lists/hostile/diff?from=1&to=9223372036854775807"), 404, "no version");
        assertProblem(get("/api/lists/hostile/diff?from=1&to=9223372036854775808"), 400, "to must be a whole number");
    }

    @Test
    void instantsOutsideYearsOneTo9999AreRefused() throws Exception {
        assertProblem(get("/api/lists/hostile/markdown?at=" + FAR_FUTURE), 400, "at", "between years 1 and 9999");
        assertProblem(get("/api/lists/hostile/history?from=" + FAR_FUTURE), 400, "from", "between years 1 and 9999");
        assertProblem(get("/api/lists/hostile/history?to=" + FAR_FUTURE), 400, "to", "between years 1 and 9999");
        assertProblem(get("/api/lists/hostile/history?from=-0001-01-01T00:00:00Z"), 400, "from");
        assertProblem(get("/api/lists/hostile/markdown?at=yesterday"), 400, "at must be an ISO-8601 instant");
        // the edges of the range are instants like any other
        assertProblem(get("/api/lists/hostile/markdown?at=0001-01-01T00:00:00Z"), 404, "did not exist");
        assertThat(get("/api/lists/hostile/markdown?at=9999-12-31T23:59:59Z").statusCode()).isEqualTo(200);
        assertThat(get("/api/lists/hostile/history?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z").statusCode())
                .isEqualTo(200);
    }

    @Test
    void controlCharactersAndOverlongTextAreRefused() throws Exception {
        assertProblem(get("/api/search?q=a%00b"), 400, "q must not contain a control character", "U+0000");
        assertProblem(get("/api/search?q=%1B%5B31m"), 400, "q", "U+001B");
        assertProblem(get("/api/search?q=" + "x".repeat(201)), 400, "q must be at most 200 characters");
        assertProblem(get("/api/lists/hostile/history?actor=al%00ice"), 400, "actor must not contain a control character");
        // a git author is "Name <email>": the filter takes up to 500 characters
        assertProblem(get("/api/lists/hostile/history?actor=" + "a".repeat(501)), 400, "actor must be at most 500");
        assertThat(get("/api/search?q=%E6%9C%8D%E5%8A%A1").statusCode()).isEqualTo(200);
        assertThat(get("/api/lists/hostile/history?actor=alice").statusCode()).isEqualTo(200);
    }

    @Test
    void wordsOutsideTheirSetAreRefused() throws Exception {
        assertProblem(get("/api/lists/hostile/history?kind=%00"), 400, "kind must be one of");
        assertProblem(get("/api/lists/hostile/proposals?status=" + "s".repeat(300)), 400, "status must be one of", "…");
        assertProblem(get("/api/search?q=x&limit=0"), 400, "limit", "200");
    }

    @Test
    void theErrorPathIsAProblemNotAnInternalError() throws Exception {
        assertProblem(send("POST", "/error"), 404, "/error");
        assertProblem(get("/error"), 404, "/error");
        assertProblem(send("DELETE", "/error", "Accept", "text/html"), 404, "/error");
    }

    @Test
    void requestsTheContainerRefusesAreProblemsToo() throws Exception {
        assertProblem(get("/api/search?q=%FF%FE"), 400, "could not be decoded", "'q'");
        assertProblem(get("/api/lists/hostile/history?actor=%C3%28"), 400, "could not be decoded", "'actor'");
        assertProblem(get("/api/lists/%00"), 400);
        assertProblem(get("/api/search?q=" + "x".repeat(20_000)), 400);
    }

    @Test
    void unmappedFailuresAreProblems() throws Exception {
        assertProblem(send("DELETE", "/api/lists"), 405, "DELETE");
        assertProblem(send("POST", "/api/lists/hostile/markdown", "Content-Type", "application/xml"), 405, "POST");
        assertProblem(get("/api/lists", "Accept", "text/csv"), 406, "application/json");
        assertProblem(get("/api/no-such-thing"), 404);
        assertProblem(get("/api/search"), 400, "q is required");
    }
}

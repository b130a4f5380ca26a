package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.embedded.ScriptedSite;
import dev.curation.embedded.ScriptedSite.Reply;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Link health over the real pipeline: the checker takes a list's URLs from the read model, checks
 * them against a local scripted site, publishes each result to its topic, and the link-health
 * projection records the timeline and decides ok, redirected, failing and dead (timings of seconds,
 * see KafkaFedTest). Fixes wait in the bot's queue: no command service here.
 */
class LinkHealthTest extends KafkaFedTest {

    private ScriptedSite site;

    @BeforeEach
    void startSite() {
        site = ScriptedSite.start("127.0.0.1");
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private JsonNode link(String slug, String entry) throws Exception {
        return getJson("/api/lists/" + slug + "/links/" + entry);
    }

    @Test
    void linksAreCheckedFoundMovedAndDeclaredDeadOnlyAfterRepeatedFailures() throws Exception {
        site.script("/ok", Reply.status(200));
        site.script("/old", Reply.redirect(301, "/new"));
        site.script("/new", Reply.status(200));
        site.script("/fading", Reply.status(200));
        ARCHIVE.script("/wayback/available", Reply.json("""
                {"archived_snapshots":{"closest":{"available":true,"status":"200","timestamp":"20250101000000",
                 "url":"http://web.archive.org/web/20250101000000/%s"}}}""".formatted(site.url("/fading"))));
        String listId = UUID.randomUUID().toString();
        importList(listId, "links-health", """
                # Health
                ## Pages
                - [Up](%s) - Always there.
                - [Old](%s) - Moved for good.
                - [Fading](%s) - Going away.
                - [Elsewhere](https://example.org/page) - Not checked in tests.
                """.formatted(site.url("/ok"), site.url("/old"), site.url("/fading")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode links = getJson("/api/lists/links-health/links");
            assertThat(links.at("/counts/ok").asLong()).isEqualTo(2);
            assertThat(links.at("/counts/redirected").asLong()).isEqualTo(1);
            assertThat(links.at("/counts/excluded").asLong()).isEqualTo(1);
        });
        JsonNode moved = link("links-health", "e4");
        assertThat(moved.at("/link/status").asString()).isEqualTo("redirected");
        assertThat(moved.at("/link/finalUrl").asString()).isEqualTo(site.url("/new"));
        // moved for good: a URL update is queued for the bot
        assertThat(moved.at("/link/fix/kind").asString()).isEqualTo("update");
        assertThat(moved.at("/link/fix/newUrl").asString()).isEqualTo(site.url("/new"));
        assertThat(moved.at("/link/fix/state").asString()).isEqualTo("pending");
        assertThat(moved.at("/checks/0/redirects/0/status").asInt()).isEqualTo(301);
        assertThat(site.requests()).allSatisfy(r -> assertThat(r.userAgent()).startsWith("curation-link-checker"));
        assertThat(site.requests()).noneMatch(r -> r.path().equals("/page"));
        // the structure JSON and search carry the state of links that are not ok
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(getJson("/api/lists/links-health").at("/links/e4").asString()).isEqualTo("redirected"));
        assertThat(getJson("/api/lists/links-health").at("/links/e3").isMissingNode()).isTrue();
        assertThat(getJson("/api/search?q=Moved%20for%20good").at("/items/0/link").asString()).isEqualTo("redirected");

        // the site starts failing: failing first, dead after three failures spanning a second
        site.script("/fading", Reply.status(503));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                getJson("/api/lists/links-health/links?status=dead").get("links").findValuesAsString("entry"))
                .containsExactly("e5"));
        JsonNode dead = link("links-health", "e5");
        assertThat(dead.at("/link/failures").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(dead.at("/link/httpStatus").asInt()).isEqualTo(503);
        assertThat(dead.at("/link/deadSince").isMissingNode() || dead.at("/link/deadSince").isNull()).isFalse();
        assertThat(dead.at("/link/archivedUrl").asString()).startsWith("http://web.archive.org/web/20250101000000/");
        assertThat(dead.at("/link/fix/kind").asString()).isEqualTo("replace");
        assertThat(dead.at("/link/fix/newUrl").asString()).isEqualTo(dead.at("/link/archivedUrl").asString());
        // the timeline, newest first: dead, then failing, and ok before the site failed
        List<String> states = dead.get("checks").findValuesAsString("status");
        assertThat(states.getFirst()).isEqualTo("dead");
        assertThat(states).contains("failing").endsWith("ok");
        assertThat(getJson("/api/lists/links-health/links?status=ok").get("links").findValuesAsString("entry"))
                .containsExactly("e3");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(getJson("/api/lists/links-health").at("/links/e5").asString()).isEqualTo("dead"));

        // it comes back: ok again, the count of failures starts over
        site.script("/fading", Reply.status(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(link("links-health", "e5").at("/link/status").asString()).isEqualTo("ok"));
        assertThat(link("links-health", "e5").at("/link/failures").asInt()).isZero();
    }

    @Test
    void aLinkThatFailsNowAndThenIsNeverDead() throws Exception {
        // fails (HEAD and GET), works, fails, works...: never three failures in a row
        site.script("/flapping", Reply.status(500), Reply.status(500), Reply.status(200), Reply.status(500), Reply.status(500),
                Reply.status(200), Reply.status(500), Reply.status(500), Reply.status(200), Reply.status(200));
        String listId = UUID.randomUUID().toString();
        importList(listId, "links-flapping", "# Flaps\n- [Flapping](%s) - Sometimes.\n".formatted(site.url("/flapping")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                link("links-flapping", "e2").get("checks").findValuesAsString("status")).hasSizeGreaterThanOrEqualTo(6));
        assertThat(link("links-flapping", "e2").get("checks").findValuesAsString("status")).doesNotContain("dead")
                .contains("failing", "ok");
    }

    @Test
    void badQueriesAreNamed() throws Exception {
        assertProblem(get("/api/lists/links-health/links?status=gone"), 400, "status", "gone");
        assertProblem(get("/api/lists/no-such-list/links"), 404, "no-such-list");
        String listId = UUID.randomUUID().toString();
        importList(listId, "links-empty", "# Nothing to check\n- [Mail](mailto:a@example.org)\n");
        assertProblem(get("/api/lists/links-empty/links/e99"), 404, "e99");
        assertThat(getJson("/api/lists/links-empty/links").get("links")).isEmpty();
    }
}

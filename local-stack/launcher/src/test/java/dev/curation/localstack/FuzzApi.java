package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The services' APIs as {@link WebFuzz} uses them: to set up its list, and to see afterwards what was applied. */
final class FuzzApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern UNSAFE_URL = Pattern.compile("(?i)\"url\"\\s*:\\s*\"\\s*(javascript|data|vbscript|file)\\s*:");

    private final StackUrls stack;

    FuzzApi(StackUrls stack) {
        this.stack = stack;
    }

    void importList(String token, String slug, String markdown) {
        send("POST", stack.command() + "/api/lists?slug=" + slug, token, markdown, "text/markdown");
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/lists/" + slug).statusCode() == 200);
    }

    /** The list's section ids, "Tools" (where proposals go) first. */
    List<String> sections(String slug) {
        List<String> ids = new ArrayList<>();
        Deque<JsonNode> sections = new ArrayDeque<>();
        JSON.readTree(get("/api/lists/" + slug).body()).get("sections").forEach(sections::add);
        while (!sections.isEmpty()) {
            JsonNode section = sections.pop();
            String id = section.get("id").asString();
            if (section.get("title").asString().equals("Tools")) {
                ids.addFirst(id);
            } else {
                ids.add(id);
            }
            section.get("sections").forEach(sections::add);
        }
        return ids;
    }

    /** A proposal to add a link, as {@code token}'s account; its id once the query side has it. */
    String propose(String token, String slug, String section, String url) {
        String id = json("POST", "/api/lists/" + slug + "/proposals", token, """
                {"edits":[{"op":"addLink","section":"%s","title":"Proposed","url":"%s"}],"rationale":"Set up."}"""
                .formatted(section, url)).get("id").asString();
        awaitProposal(slug, id);
        return id;
    }

    void awaitProposal(String slug, String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/lists/" + slug + "/proposals/" + id).statusCode() == 200);
    }

    JsonNode json(String method, String path, String token, String body) {
        return JSON.readTree(send(method, stack.command() + path, token, body, "application/json"));
    }

    /**
     * Nothing the fuzz sent without its CSRF token, and no unsafe URL or 100 KB value, reached the
     * list, its proposals (a valid one may have been proposed, even approved: that is fine) or its members.
     */
    void assertNothingApplied(String slug, long seed) {
        String why = "web fuzz seed " + seed + ": ";
        String markdown = get("/api/lists/" + slug + "/markdown").body();
        assertThat(markdown).as(why + "the list's Markdown").doesNotContain(WebFuzz.MARK)
                .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("vbscript:")
                .doesNotContainIgnoringCase("data:text").doesNotContain(WebFuzz.HUGE.substring(0, 1000));
        assertThat(get("/api/lists/" + slug + "/members").body()).as(why + "the list's members").doesNotContain(WebFuzz.MARK);
        JsonNode page = JSON.readTree(get("/api/lists/" + slug + "/proposals?limit=200").body());
        assertThat(page.get("items").size()).as(why + "proposals").isPositive();
        for (JsonNode item : page.get("items")) {
            String detail = get("/api/lists/" + slug + "/proposals/" + item.get("id").asString()).body();
            assertThat(detail).as(why + "proposal " + item.get("id")).doesNotContain(WebFuzz.MARK)
                    .doesNotContain(WebFuzz.HUGE.substring(0, 1000));
            assertThat(UNSAFE_URL.matcher(detail).find()).as(why + "an unsafe URL in proposal %s: %s", item.get("id"),
                    detail).isFalse();
        }
    }

    private HttpResponse<String> get(String path) {
        return call(HttpRequest.newBuilder(URI.create(stack.query() + path)).build());
    }

    private String send(String method, String url, String token, String body, String type) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isBetween(200, 299);
        return response.body();
    }

    private static HttpResponse<String> call(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the stack's parts listen. */
    record StackUrls(String web, String command, String query, String issuer) {
    }
}

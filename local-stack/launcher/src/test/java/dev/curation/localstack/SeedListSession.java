package dev.curation.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A session on a freshly started local stack, working on the seed list {@value #LIST}. */
abstract class SeedListSession {

    static final String LIST = "distributed-systems-notes";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    static LocalStack stack;
    static byte[] seed;

    @BeforeAll
    static void start() throws Exception {
        stack = StackFixture.start(StackFixture.options(data));
        seed = Files.readAllBytes(StackFixture.SEEDS.resolve(LIST + ".md"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** The id of the section titled {@code title}, anywhere in a structure's sections. */
    static String find(JsonNode sections, String title) {
        for (JsonNode s : sections) {
            if (s.get("title").asString().equals(title)) {
                return s.get("id").asString();
            }
            String inner = find(s.get("sections"), title);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    static void edit(String user, String body) throws Exception {
        HttpResponse<String> response = post(user, "/api/lists/" + LIST + "/edits", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static String awaitVersion(long version) throws Exception {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(
                () -> JSON.readTree(get("/api/lists/" + LIST).body()).get("version").asLong() >= version);
        return new String(get("/api/lists/" + LIST + "/markdown").body(), StandardCharsets.UTF_8);
    }

    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * How the session's users sign in: a bearer token from the local stack's OIDC issuer, got once
     * per user with the client credentials grant (a token lasts an hour, longer than any session).
     */
    static String signIn(String user) {
        return "Bearer " + TOKENS.computeIfAbsent(stack.issuerUrl() + " " + user,
                key -> StackFixture.token(stack.issuerUrl(), user));
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return get(path, "*/*");
    }

    static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.queryUrl() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> post(String user, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", signIn(user))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

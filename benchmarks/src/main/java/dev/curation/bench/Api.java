package dev.curation.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The product's HTTP API, as a client uses it. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALICE = "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8));

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempts on plain http
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Api(Stack stack) {
        this.stack = stack;
    }

    HttpResponse<String> importList(String slug, byte[] markdown) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists?slug=" + slug))
                .header("Content-Type", "text/markdown").header("Authorization", ALICE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(markdown)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a history import of {@code path} on {@code main} of {@code repository}. */
    HttpResponse<String> importFromGit(String slug, String repository, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/api/lists?slug=" + slug))
                .header("Content-Type", "application/json").header("Authorization", ALICE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"git\":{\"repository\":\"" + repository
                        + "\",\"branch\":\"main\",\"path\":\"" + path + "\"}}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A signed-in GET on the command service. */
    JsonNode commandGet(String path) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(stack.commandUrl() + path))
                .header("Authorization", ALICE).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Posts a change set; returns the new version, or -1 if it was refused. */
    long edit(String slug, String changeSet) throws IOException, InterruptedException {
        return edit(stack.commandUrl(), slug, changeSet, 200);
    }

    /** The same request to the server at {@code base} (the CRUD peer answers 201). */
    long edit(String base, String slug, String changeSet, int accepted) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/lists/" + slug + "/edits"))
                .header("Content-Type", "application/json").header("Authorization", ALICE)
                .POST(HttpRequest.BodyPublishers.ofString(changeSet)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != accepted) {
            LoadDriver.refused(response.statusCode() + " " + response.body());
            return -1;
        }
        return JSON.readTree(response.body()).get("version").asLong();
    }

    static String addLink(String section, String title, String url) {
        return "{\"edits\":[{\"op\":\"addLink\",\"section\":\"" + section + "\",\"title\":\"" + title + "\",\"url\":\"" + url + "\"}]}";
    }

    JsonNode structure(String slug) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.queryUrl() + "/api/lists/" + slug)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    long version(String slug) throws IOException, InterruptedException {
        JsonNode structure = structure(slug);
        return structure == null ? 0 : structure.get("version").asLong();
    }

    /** Reads the list's structure with a consistency token: answered once the query side has {@code version}. */
    long versionAtLeast(String slug, long version) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.queryUrl() + "/api/lists/" + slug
                + "?minVersion=" + version)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).get("version").asLong() : 0;
    }

    /** An operations request to the query service (from loopback, as the local stack allows). */
    HttpResponse<String> operation(String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.queryUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of the query service; {@code headers} are name, value pairs. */
    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.queryUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Both services' /actuator/prometheus, one after the other (open to GET, as every read). */
    String prometheus() throws IOException, InterruptedException {
        StringBuilder text = new StringBuilder();
        for (String service : new String[] {stack.commandUrl(), stack.queryUrl()}) {
            text.append(http.send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).append('\n');
        }
        return text.toString();
    }

    /** Where the stack's web app answers. */
    String webUrl() {
        return "http://127.0.0.1:" + stack.webPort;
    }

    /** A GET of any URL with this client. */
    HttpResponse<byte[]> getUrl(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Waits until the query service shows {@code version} of the list. */
    void awaitVersion(String slug, long version, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (version(slug) < version) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(slug + " did not reach version " + version + " on the query service");
            }
            Thread.sleep(5);
        }
    }

    String firstSection(String slug) throws IOException, InterruptedException {
        return structure(slug).get("sections").get(0).get("id").asString();
    }
}

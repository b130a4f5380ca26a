package dev.curation.links;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds an archived copy of a page with the Wayback Machine's availability API
 * ({@code GET {base}/wayback/available?url=...}, answering
 * {@code {"archived_snapshots":{"closest":{"available":true,"url":...}}}}). The base URL is the
 * operator's choice (a mirror, or a local fake in tests), so it is not held to the address guard.
 */
public final class ArchiveLookup {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final Duration timeout;
    private final String userAgent;
    private final HttpClient client;

    public ArchiveLookup(URI base, Duration timeout, String userAgent) {
        this.base = base;
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The closest archived copy's URL, or empty when there is none or the archive cannot say. */
    public Optional<String> closest(String url) throws InterruptedException {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        URI query = URI.create(root + "wayback/available?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(query).timeout(timeout).header("User-Agent", userAgent)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode closest = JSON.readTree(response.body()).path("archived_snapshots").path("closest");
            String archived = closest.path("url").asString("");
            boolean available = closest.path("available").asBoolean(false);
            return available && (archived.startsWith("http://") || archived.startsWith("https://"))
                    ? Optional.of(archived) : Optional.empty();
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

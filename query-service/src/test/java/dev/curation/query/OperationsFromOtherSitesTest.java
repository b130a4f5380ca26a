package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.edit.Edit;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The query service trusts loopback with its operations (when no operations token is set), so a
 * page on any site must not be able to use a developer's browser to reach them; and what one
 * client sends as its Host must not end up in links that a shared cache keeps for everyone.
 */
class OperationsFromOtherSitesTest extends KafkaFedTest {

    private static final String MARKDOWN = "# Tools\n## Streams\n- [Kafka](https://kafka.apache.org) - A log.\n";
    private static final String REBUILD = "/api/operations/rebuild";

    @Test
    void aPageOnAnotherSiteCannotStartARebuildThroughABrowserOnThisHost() throws Exception {
        String before = new String(get(REBUILD).body(), StandardCharsets.UTF_8);

        crossSite(send("POST", REBUILD, "Origin", "https://evil.example"), 403, "origin 'https://evil.example'");
        crossSite(send("POST", REBUILD, "Sec-Fetch-Site", "cross-site"), 403, "another site");
        // a rebinding page names itself in Host and Origin alike: this service's origin is configuration
        crossSite(send("POST", REBUILD, "Origin", "http://rebound.example:" + port), 403, "rebound.example");
        crossSite(send("POST", "/api/operations/quarantine/any/retry", "Origin", "null"), 403, "origin 'null'");
        // a form a page can post without asking first
        assertProblem(send("POST", REBUILD, "Content-Type", "text/plain"), 415, "text/plain");
        assertThat(new String(get(REBUILD).body(), StandardCharsets.UTF_8)).as("nothing was rebuilt").isEqualTo(before);

        // an API client on this host sends no Origin; the Swagger UI of this service sends its own
        HttpResponse<byte[]> started = send("POST", REBUILD, "Origin", "http://127.0.0.1:" + port);
        assertThat(started.statusCode()).as(new String(started.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> !getJson(REBUILD).get("state").asString().equals("running"));
        assertThat(getJson(REBUILD).get("state").asString()).isEqualTo("swapped");
    }

    @Test
    void linksNameTheConfiguredServiceNotTheHostARequestNamed() throws Exception {
        String id = UUID.randomUUID().toString();
        int events = importList(id, "feed-host", MARKDOWN).size();
        applyEdits(id, "feed-host", read(MARKDOWN), 2, events,
                new Edit.AddLink("s2", null, "Pulsar", "https://pulsar.apache.org", null));

        String feed = raw("/api/lists/feed-host/feed.atom");
        assertThat(feed).startsWith("HTTP/1.1 200").doesNotContain("evil.example")
                .contains("http://localhost:" + port + "/api/lists/feed-host/feed.atom",
                        "http://localhost:" + port + "/api/lists/feed-host/markdown?version=2");
        String history = raw("/api/lists/feed-host/history?size=1");
        assertThat(history).startsWith("HTTP/1.1 200").doesNotContain("evil.example")
                .contains("\"next\":\"http://localhost:" + port + "/api/lists/feed-host/history?size=1&page=1\"");
    }

    private void crossSite(HttpResponse<byte[]> response, int status, String mention) {
        assertThat(assertProblem(response, status, mention).get("type").asString())
                .isEqualTo("urn:curation:problem:cross-site-write");
    }

    /** A GET naming another host, as a client behind a shared cache could send it (HttpClient will not set Host). */
    private String raw(String path) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // HTTP/1.0: the answer is not chunked, and ends when the connection closes
            out.write(("GET " + path + " HTTP/1.0\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                    + "X-Forwarded-Proto: https\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}

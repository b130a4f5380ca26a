package dev.curation.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.embedded.TcpProxy;
import dev.curation.embedded.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL made unreachable (a proxy that resets every connection): writes answer 503 with
 * Retry-After within seconds, saying nothing was stored; readiness is DOWN; when the database is
 * back, the service recovers without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class DatabaseOutageTest {

    private static final TcpProxy PROXY = TcpProxy.to(TestInfrastructure.postgres().port());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String url = TestInfrastructure.newDatabase("outage");
        registry.add("spring.datasource.url", () -> url.replace(":" + TestInfrastructure.postgres().port() + "/",
                ":" + PROXY.port() + "/"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TestInfrastructure.uniqueName("list-events"));
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDatabaseOutageIsA503AndHealsWithoutARestart() throws Exception {
        assertThat(post("/api/lists?slug=outage", "text/markdown", "# O\n- [a](https://example.com/a)\n").statusCode())
                .isEqualTo(201);
        String edit = "{\"edits\":[{\"op\":\"addSection\",\"parent\":null,\"title\":\"T\"}]}";

        PROXY.cut();
        try {
            HttpResponse<String> refused = post("/api/lists/outage/edits", "application/json", edit);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:curation:problem:database-unavailable");
            // a pooled connection reset under a request: whether its work was stored is not known
            assertThat(problem.get("outcome").asString()).isIn("nothing-stored", "unknown");
            assertThat(refused.body()).doesNotContain("Exception", "java.");
            // once no connection can be had at all, nothing can have been stored, and the answer says so
            await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(
                    post("/api/lists/outage/edits", "application/json", edit).body()).path("outcome").asString("")
                    .equals("nothing-stored"));
            await().atMost(Duration.ofSeconds(20)).until(() -> status("/actuator/health/readiness") == 503);
        } finally {
            PROXY.restore();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 200);
        HttpResponse<String> applied = post("/api/lists/outage/edits", "application/json", edit);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(json.readTree(applied.body()).get("version").asLong()).isEqualTo(2);
    }

    private int status(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

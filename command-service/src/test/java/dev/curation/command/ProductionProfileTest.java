package dev.curation.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import dev.curation.service.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The profile docker-compose runs: the Swagger UI is off, actuator answers only on its own
 * (unpublished) management port, the API documents stay, and accounts sign in with tokens of the
 * OIDC issuer only: no HTTP Basic, and a token meant for another audience is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("production")
class ProductionProfileTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("production"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TestInfrastructure.uniqueName("list-events"));
        String key = ISSUER.publicKeyLocation();
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> key);
    }

    private static final TestIssuer ISSUER = new TestIssuer();

    @LocalServerPort
    int port;
    @Value("${local.management.port}")
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onlyTheApiIsOnTheServicePort() throws Exception {
        assertThat(status(port, "/swagger-ui/index.html")).isEqualTo(404);
        assertThat(status(port, "/actuator/health")).isEqualTo(404);
        assertThat(status(port, "/actuator/prometheus")).isEqualTo(404);
        assertThat(status(port, "/v3/api-docs")).isEqualTo(200);
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(status(managementPort, "/actuator/health/readiness")).isEqualTo(200);
        assertThat(status(managementPort, "/actuator/prometheus")).isEqualTo(200);
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/lists?slug=p"))
                .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofString("# P\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void onlyTheIssuersTokensForThisServiceSignIn() throws Exception {
        String markdown = "# P\n## Tools\n- [Kafka](https://kafka.apache.org) - A log.\n";
        HttpResponse<String> basic = importList("basic", "Basic " + java.util.Base64.getEncoder().encodeToString(
                "alice:alice".getBytes(java.nio.charset.StandardCharsets.UTF_8)), markdown);
        assertThat(basic.statusCode()).as(basic.body()).isEqualTo(401);
        assertThat(basic.body()).contains("bearer token");
        HttpResponse<String> elsewhere = importList("elsewhere", "Bearer "
                + ISSUER.token("erin", java.util.List.of("CURATOR"), 300, "another-service"), markdown);
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(401);
        HttpResponse<String> imported = importList("tokens", "Bearer " + ISSUER.token("erin", java.util.List.of("CURATOR"), 300),
                markdown);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        // the API document offers what works here: the bearer scheme, no Basic
        String api = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(api).contains("\"bearerAuth\"").doesNotContain("basicAuth");
    }

    private HttpResponse<String> importList(String slug, String authorization, String markdown) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/lists?slug=" + slug))
                .header("Content-Type", "text/markdown").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(markdown)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

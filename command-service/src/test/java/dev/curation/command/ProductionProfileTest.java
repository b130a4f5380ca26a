package dev.curation.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The profile docker-compose runs: the Swagger UI is off, actuator answers only on its own
 * (unpublished) management port, the API documents stay, and accounts need real hashes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("production")
class ProductionProfileTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("production"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TestInfrastructure.uniqueName("list-events"));
        registry.add("curation.security.accounts[0].name", () -> "curator");
        registry.add("curation.security.accounts[0].password",
                () -> "{bcrypt}" + new BCryptPasswordEncoder().encode("a long production passphrase"));
        registry.add("curation.security.accounts[0].roles[0]", () -> "CURATOR");
    }

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

    private int status(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import dev.curation.service.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query service as a resource server of the OIDC issuer: an operator signs in to the
 * operations with a token of the issuer (or the operations token); another account is forbidden,
 * a token the issuer did not sign or meant for another service is refused; the reads stay open
 * whatever Authorization header comes along, and Spring Security changes none of their headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "curation.operations.token=ops-s3cret", "spring.security.oauth2.resourceserver.jwt.audiences=curation"})
class OperatorTokenTest {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final TestIssuer STRANGER = new TestIssuer();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("operators"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        String topic = TestInfrastructure.uniqueName("operators");
        registry.add("curation.kafka.topic", () -> topic);
        registry.add("spring.kafka.consumer.group-id", () -> topic);
        registry.add("curation.links.enabled", () -> "false");
        String key = ISSUER.publicKeyLocation();
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> key);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void operatorsSignInWithTheIssuersTokens() throws Exception {
        String quarantine = "/api/operations/quarantine";
        assertThat(get(quarantine, null).statusCode()).isEqualTo(401);
        assertThat(get(quarantine, "Bearer ops-s3cret").statusCode()).isEqualTo(200);
        assertThat(get(quarantine, "Bearer " + ISSUER.token("olga", List.of("OPERATOR"), 300)).statusCode()).isEqualTo(200);

        HttpResponse<String> curator = get(quarantine, "Bearer " + ISSUER.token("erin", List.of("CURATOR"), 300));
        assertThat(curator.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(curator.body()).get("detail").asString())
                .isEqualTo("erin is signed in without the role OPERATOR that operations need");
        for (String refused : List.of(STRANGER.token("olga", List.of("OPERATOR"), 300),
                ISSUER.token("olga", List.of("OPERATOR"), 300, "another-service"),
                ISSUER.token("olga", List.of("OPERATOR"), -200))) {
            HttpResponse<String> response = get(quarantine, "Bearer " + refused);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("the bearer token was not accepted");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
    }

    @Test
    void readsStayOpenWhateverIsSentAlong() throws Exception {
        for (String authorization : List.of("Bearer not-a-token", "Bearer " + STRANGER.token("mallory", List.of(), 300),
                "Basic bWFsbG9yeTptYWxsb3J5")) {
            HttpResponse<String> lists = get("/api/lists", authorization);
            assertThat(lists.statusCode()).as(authorization).isEqualTo(200);
            assertThat(lists.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            // Spring Security's own headers stay off: reads keep the caching the service gives them
            assertThat(lists.headers().allValues("Cache-Control")).noneMatch(v -> v.contains("no-store"));
            assertThat(lists.headers().allValues("X-Content-Type-Options")).hasSize(1);
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

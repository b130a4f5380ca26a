package dev.curation.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.ScriptedSite;
import dev.curation.embedded.ScriptedSite.Reply;
import dev.curation.embedded.TestInfrastructure;
import dev.curation.service.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The issuer is away when the command service first needs its keys (both restarted, the issuer
 * slower): a write with a good token is a 503 with Retry-After, not a 401 that would send the
 * client for a new token, nor a 500; once the issuer answers, the same token is accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class IssuerOutageTest {

    private static final TestIssuer KEYS = new TestIssuer();
    private static final ScriptedSite ISSUER = ScriptedSite.start("127.0.0.1");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("issuer-outage"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TestInfrastructure.uniqueName("list-events"));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER.url(""));
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "curation");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGoodTokenWaitsForTheIssuerInsteadOfBeingRefused() throws Exception {
        String token = KEYS.token("erin", List.of("CURATOR"), 300, "curation", ISSUER.url(""));
        ISSUER.script("/.well-known/openid-configuration", Reply.status(503));
        HttpResponse<String> away = importList(token);
        assertThat(away.statusCode()).as(away.body()).isEqualTo(503);
        assertThat(away.headers().firstValue("Retry-After")).isPresent();
        assertThat(away.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(away.body()).contains("issuer-unavailable").doesNotContain("Exception");

        ISSUER.script("/.well-known/openid-configuration", Reply.json("""
                {"issuer": "%s", "jwks_uri": "%s", "token_endpoint": "%s", "response_types_supported": ["code"],
                 "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"]}"""
                .formatted(ISSUER.url(""), ISSUER.url("/oauth2/jwks"), ISSUER.url("/oauth2/token"))));
        ISSUER.script("/oauth2/jwks", Reply.json(KEYS.jwkSet()));
        HttpResponse<String> back = importList(token);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(201);
        // a token the issuer did not sign is still a 401, the issuer being there
        HttpResponse<String> forged = importList(new TestIssuer().token("erin", List.of("CURATOR"), 300, "curation",
                ISSUER.url("")));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
    }

    private HttpResponse<String> importList(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/lists?slug=outage-"
                        + System.nanoTime()))
                .header("Content-Type", "text/markdown").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("# Outage\n- [Kafka](https://kafka.apache.org) - A log.\n")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

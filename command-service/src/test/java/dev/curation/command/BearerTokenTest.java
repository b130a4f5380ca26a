package dev.curation.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import dev.curation.service.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens beside HTTP Basic: the account and its global roles come from the token's claims,
 * and the list checks them against its members as for any account. Tokens are signed here with a
 * key whose public half the service is configured with, as an issuer's would be.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class BearerTokenTest {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final TestIssuer STRANGER = new TestIssuer();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("tokens"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TestInfrastructure.uniqueName("list-events"));
        String key = ISSUER.publicKeyLocation();
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> key);
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theTokensClaimsAreTheAccountAndTheListChecksItsRole() throws Exception {
        String erin = ISSUER.token("erin", List.of("CURATOR", "CONTRIBUTOR"), 300);
        String dave = ISSUER.token("dave", List.of(), 300);
        HttpResponse<String> imported = send("POST", "/api/lists?slug=tokens", "text/markdown", "Bearer " + erin,
                "# Tokens\n## Tools\n- [Kafka](https://kafka.apache.org) - A log.\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String proposal = "{\"edits\":[{\"op\":\"addLink\",\"section\":\"s2\",\"title\":\"NATS\",\"url\":\"https://nats.io\"}]}";
        HttpResponse<String> nobody = send("POST", "/api/lists/tokens/proposals", "application/json", "Bearer " + dave, proposal);
        assertThat(nobody.statusCode()).as(nobody.body()).isEqualTo(403);
        assertThat(nobody.body()).contains("dave has no role on this list");

        // erin owns what she imported and makes dave a curator; dave approves carol's proposal (carol signs in with Basic)
        HttpResponse<String> granted = send("PUT", "/api/lists/tokens/members/dave", "application/json", "Bearer " + erin,
                "{\"role\": \"curator\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        HttpResponse<String> proposed = send("POST", "/api/lists/tokens/proposals", "application/json",
                "Basic " + Base64.getEncoder().encodeToString("carol:carol".getBytes(StandardCharsets.UTF_8)), proposal);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String id = json.readTree(proposed.body()).get("id").asString();
        HttpResponse<String> approved = send("POST", "/api/lists/tokens/proposals/" + id + "/approve", "application/json",
                "Bearer " + dave, "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        // an expired token, another signer's, garbage: 401 problem+json, no challenge a browser would act on
        for (String refused : List.of(ISSUER.token("erin", List.of("CURATOR"), -600), STRANGER.token("erin", List.of("CURATOR"), 300),
                "not.a.token")) {
            HttpResponse<String> response = send("POST", "/api/lists/tokens/proposals", "application/json", "Bearer " + refused,
                    proposal);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        }
    }

    @Test
    void aRolesClaimIsReadStrictlyAStringIsOneRoleAndAListIsRoles() throws Exception {
        String markdown = "# Roles\n## Tools\n- [Kafka](https://kafka.apache.org) - A log.\n";
        // creating a list takes the global role CURATOR
        Map<String, Object> notCurators = new LinkedHashMap<>();
        notCurators.put("space", "X CURATOR");
        notCurators.put("comma", "X,CURATOR");
        notCurators.put("number", 42);
        notCurators.put("object", Map.of("role", "CURATOR"));
        notCurators.put("list-with-a-number", List.of("CURATOR", 7));
        for (Map.Entry<String, Object> claim : notCurators.entrySet()) {
            HttpResponse<String> refused = send("POST", "/api/lists?slug=roles-" + claim.getKey(), "text/markdown",
                    "Bearer " + ISSUER.tokenWithRolesClaim("frank", claim.getValue()), markdown);
            assertThat(refused.statusCode()).as(claim.getKey() + ": " + refused.body()).isEqualTo(403);
        }

        for (Object curator : List.of("CURATOR", List.of("X", "CURATOR"))) {
            String slug = curator instanceof String ? "roles-string" : "roles-list";
            HttpResponse<String> created = send("POST", "/api/lists?slug=" + slug, "text/markdown",
                    "Bearer " + ISSUER.tokenWithRolesClaim("frank", curator), markdown);
            assertThat(created.statusCode()).as(slug + ": " + created.body()).isEqualTo(201);
        }
    }

    private HttpResponse<String> send(String method, String path, String type, String authorization, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type).header("Authorization", authorization)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

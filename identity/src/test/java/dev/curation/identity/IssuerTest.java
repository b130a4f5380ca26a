package dev.curation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer as a client and a resource server meet it over HTTP: discovery names the token
 * endpoint and the key set; an account's secret gets a token naming it, with its global roles and
 * the services' audience, signed by the published key; a wrong secret, an unknown account, or a
 * grant other than client credentials gets none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.authorizationserver.issuer=http://issuer.test:8083",
        "curation.identity.token-lifetime=10m",
        "curation.identity.accounts[0].name=alice",
        "curation.identity.accounts[0].secret={noop}alice",
        "curation.identity.accounts[0].roles=CURATOR,CONTRIBUTOR",
        "curation.identity.accounts[1].name=carol",
        "curation.identity.accounts[1].secret={bcrypt}$2a$04$/6sFNgWMyDewU5pximcbMuWEcAFsTuZNUMe1JG2UiUSXWF9Ka0TRC",
        "curation.identity.accounts[1].roles=CONTRIBUTOR",
        "curation.identity.local-accounts=true"})
class IssuerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Test
    void anAccountGetsATokenThatNamesItAndCarriesItsRoles() throws Exception {
        JsonNode discovery = JSON.readTree(get("/.well-known/openid-configuration").body());
        assertThat(discovery.get("issuer").asString()).isEqualTo("http://issuer.test:8083");
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo("http://issuer.test:8083/oauth2/token");
        assertThat(discovery.get("grant_types_supported").toString()).contains("client_credentials");

        HttpResponse<String> issued = token("alice", "alice", "grant_type=client_credentials");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        // nothing kept for it: no session, no authorization
        assertThat(issued.headers().allValues("Set-Cookie")).isEmpty();
        JsonNode body = JSON.readTree(issued.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        // checked as a resource server checks it: the signature against the published key set
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(url("/oauth2/jwks")).build();
        Jwt jwt = decoder.decode(body.get("access_token").asString());
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("alice");
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CURATOR", "CONTRIBUTOR");
        assertThat(jwt.getAudience()).containsExactly("curation");
        assertThat(jwt.getIssuer().toString()).isEqualTo("http://issuer.test:8083");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(10));

        // a hashed secret works the same way, posted in the form instead of a Basic header
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=carol&client_secret=carol"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        Jwt carol = decoder.decode(JSON.readTree(posted.body()).get("access_token").asString());
        assertThat(carol.getClaimAsString("preferred_username")).isEqualTo("carol");
        assertThat(carol.getClaimAsStringList("roles")).containsExactly("CONTRIBUTOR");
    }

    @Test
    void wrongSecretsUnknownAccountsAndOtherGrantsGetNoToken() throws Exception {
        assertRefused(token("alice", "carol", "grant_type=client_credentials"), 401, "invalid_client");
        assertRefused(token("mallory", "mallory", "grant_type=client_credentials"), 401, "invalid_client");
        assertRefused(token("alice", "alice", "grant_type=password&username=alice&password=alice"), 400,
                "unsupported_grant_type");
        assertRefused(token("alice", "alice", ""), 400, "invalid_request");
        // nothing but the issuer's endpoints answers: no device flow, registration, introspection, revocation
        for (String path : List.of("/api/lists", "/connect/register", "/oauth2/device_authorization", "/oauth2/introspect",
                "/oauth2/revoke", "/error", "/logout")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo("not_found");
        }
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        // an account is no web client: its code flow is refused on the spot, not sent anywhere
        HttpResponse<String> authorize = get("/oauth2/authorize?response_type=code&client_id=alice&scope=openid");
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(400);
        assertThat(get("/userinfo").statusCode()).isEqualTo(401);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("error").asString()).isEqualTo(error);
        assertThat(response.body()).doesNotContain("access_token");
    }

    private HttpResponse<String> token(String user, String secret, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}

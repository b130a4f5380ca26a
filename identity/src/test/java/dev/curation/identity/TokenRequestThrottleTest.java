package dev.curation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Guessing a secret at the token endpoint: after three refused secrets from one address, its
 * requests are a 429 with Retry-After, even with the right secret, until the window ends; a
 * malformed request or another grant is no guess and does not count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "curation.identity.accounts[0].name=alice", "curation.identity.accounts[0].secret={noop}alice",
        "curation.identity.local-accounts=true",
        "curation.security.login-failures.max-per-address=3", "curation.security.login-failures.window=1m"})
class TokenRequestThrottleTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void refusedSecretsAreCountedAndThenRefusedUnchecked() throws Exception {
        // not guesses: a grant the issuer does not offer, and no grant at all
        assertThat(token("client_id=alice&client_secret=alice&grant_type=password").statusCode()).isEqualTo(400);
        assertThat(token("client_id=alice&client_secret=alice").statusCode()).isEqualTo(400);
        assertThat(token("client_id=alice&client_secret=alice&grant_type=client_credentials").statusCode()).isEqualTo(200);
        for (int guess = 0; guess < 3; guess++) {
            assertThat(token("client_id=alice&client_secret=guess" + guess + "&grant_type=client_credentials").statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> blocked = token("client_id=alice&client_secret=alice&grant_type=client_credentials");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v))
                .isBetween(1L, 60L));
        assertThat(blocked.body()).contains("\"error\":\"invalid_client\"").doesNotContain("access_token");
    }

    private HttpResponse<String> token(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

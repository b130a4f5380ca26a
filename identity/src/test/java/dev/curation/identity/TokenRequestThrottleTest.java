package dev.curation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guessing a secret at the token endpoint, against bcrypt secrets and the issuer's own password
 * encoder: refused secrets slow down the (client id, address) pair that sent them, not the client
 * id elsewhere nor other client ids behind the same address; every spelling of a client id is the
 * same count; an unknown client id costs the same one bcrypt check as a wrong secret. Each test
 * sends from its own loopback address (127.0.0.x).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "curation.security.login-failures.free-failures=2", "curation.security.login-failures.first-delay=1m",
        "curation.security.login-failures.max-per-address=100"})
class TokenRequestThrottleTest {

    /** Cost 4, the lowest, to keep the test quick: what matters is that every check runs at the accounts' cost. */
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    /** The encoded secrets the issuer's PasswordEncoder checked against, in order. */
    private static final List<String> CHECKED = new ArrayList<>();

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        // a list is bound from one property source: names and secrets together
        registry.add("curation.identity.accounts[0].name", () -> "alice");
        registry.add("curation.identity.accounts[1].name", () -> "bob");
        registry.add("curation.identity.accounts[0].secret", () -> "{bcrypt}" + BCRYPT.encode("alice-secret"));
        registry.add("curation.identity.accounts[1].secret", () -> "{bcrypt}" + BCRYPT.encode("bob-secret"));
    }

    @TestConfiguration
    static class CountingPasswords {
        @Bean
        static BeanPostProcessor countSecretChecks() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof PasswordEncoder encoder && !(bean instanceof Counting) ? new Counting(encoder) : bean;
                }
            };
        }
    }

    record Counting(PasswordEncoder delegate) implements PasswordEncoder {
        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            synchronized (CHECKED) {
                CHECKED.add(encoded);
            }
            return delegate.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return delegate.upgradeEncoding(encoded);
        }
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void refusedSecretsSlowDownOnlyTheirClientIdAtTheirAddress() throws Exception {
        HttpClient guesser = clientFrom("127.0.0.2");
        // not guesses: a grant the issuer does not offer, and no grant at all
        assertThat(post(guesser, "client_id=alice&client_secret=alice-secret&grant_type=password").statusCode()).isEqualTo(400);
        assertThat(post(guesser, "client_id=alice&client_secret=alice-secret").statusCode()).isEqualTo(400);
        for (int guess = 0; guess < 3; guess++) {
            assertThat(post(guesser, "client_id=alice&client_secret=guess" + guess + "&grant_type=client_credentials")
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> blocked = post(guesser, "client_id=alice&client_secret=alice-secret&grant_type=client_credentials");
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v))
                .isBetween(1L, 60L));
        assertThat(blocked.body()).contains("\"error\":\"invalid_client\"").doesNotContain("access_token");
        // another account behind the guesser's address (a proxy, a NAT), and alice from elsewhere
        assertThat(basic(guesser, "bob", "bob-secret").statusCode()).isEqualTo(200);
        assertThat(basic(clientFrom("127.0.0.3"), "alice", "alice-secret").statusCode()).isEqualTo(200);
        assertThat(basic(guesser, "alice", "alice-secret").statusCode()).isEqualTo(429);
    }

    @Test
    void everySpellingOfAClientIdInBasicIsTheSameCount() throws Exception {
        HttpClient guesser = clientFrom("127.0.0.4");
        // RFC 6749 2.3.1: the client id in Basic is form-url-encoded; each of these is alice to the issuer
        for (String alice : List.of("ali%63e", "%61lice", "al%69ce")) {
            assertThat(basic(guesser, alice, "guess").statusCode()).isEqualTo(401);
        }

        assertThat(basic(guesser, "alice", "alice-secret").statusCode()).isEqualTo(429);
        assertThat(post(guesser, "client_id=ali%63e&client_secret=alice-secret&grant_type=client_credentials").statusCode())
                .isEqualTo(429);
    }

    @Test
    void anUnknownClientIdCostsOneCheckAtTheCostOfAKnownOnes() throws Exception {
        HttpClient client = clientFrom("127.0.0.5");
        List<String> known = checksOf(() -> basic(client, "bob", "wrong"));
        List<String> unknown = checksOf(() -> basic(client, "mallory", "wrong"));
        List<String> unknownByForm = checksOf(() -> post(client,
                "client_id=mallory&client_secret=wrong&grant_type=client_credentials"));

        assertThat(known).hasSize(1);
        assertThat(unknown).hasSize(1);
        assertThat(unknownByForm).hasSize(1);
        // the same encoder, version and cost: "{bcrypt}$2a$04$"
        assertThat(unknown.get(0)).startsWith(known.get(0).substring(0, 15)).startsWith("{bcrypt}$2a$04$");
        assertThat(unknownByForm.get(0)).startsWith(known.get(0).substring(0, 15));
    }

    @FunctionalInterface
    interface Attempt {
        HttpResponse<String> send() throws Exception;
    }

    private static List<String> checksOf(Attempt attempt) throws Exception {
        synchronized (CHECKED) {
            CHECKED.clear();
        }
        assertThat(attempt.send().statusCode()).isEqualTo(401);
        synchronized (CHECKED) {
            return List.copyOf(CHECKED);
        }
    }

    private HttpResponse<String> basic(HttpClient client, String id, String secret) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient clientFrom(String address) throws Exception {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
    }
}

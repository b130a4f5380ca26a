package dev.curation.query.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.embedded.ScriptedSite;
import dev.curation.embedded.ScriptedSite.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the link bot signs in: HTTP Basic on the local stack; elsewhere a bearer token from the
 * issuer's token endpoint, fetched once and kept until shortly before it expires, fetched again
 * after the service refused it, and a refusal of the issuer an {@link IOException} (tried later).
 */
class BotSignInTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void withoutATokenEndpointTheBotUsesBasic() throws Exception {
        BotSignIn signIn = new BotSignIn(new LinkHealthProperties.Bot(URI.create("http://127.0.0.1:1"), "link-bot", "secret",
                null), HttpClient.newHttpClient(), JsonMapper.builder().build(), clock);
        assertThat(signIn.authorization()).isEqualTo("Basic bGluay1ib3Q6c2VjcmV0");
    }

    @Test
    void aTokenIsKeptUntilShortlyBeforeItExpires() throws Exception {
        try (ScriptedSite issuer = ScriptedSite.start("127.0.0.1")) {
            issuer.script("/oauth2/token",
                    Reply.json("{\"access_token\":\"first\",\"token_type\":\"Bearer\",\"expires_in\":60}"),
                    Reply.json("{\"access_token\":\"second\",\"token_type\":\"Bearer\",\"expires_in\":60}"),
                    Reply.json("{\"access_token\":\"third\",\"token_type\":\"Bearer\",\"expires_in\":60}"),
                    new Reply(401, Duration.ZERO, Map.of("Content-Type", "application/json"), "{\"error\":\"invalid_client\"}"));
            BotSignIn signIn = new BotSignIn(new LinkHealthProperties.Bot(URI.create("http://127.0.0.1:1"), "link-bot",
                    "secret", URI.create(issuer.url("/oauth2/token"))), HttpClient.newHttpClient(), JsonMapper.builder().build(),
                    clock);

            assertThat(signIn.authorization()).isEqualTo("Bearer first");
            clock.advance(Duration.ofSeconds(29));
            assertThat(signIn.authorization()).isEqualTo("Bearer first");
            assertThat(issuer.hits("/oauth2/token")).isEqualTo(1);
            // within 30 s of its expiry a token is renewed, so that none expires on its way
            clock.advance(Duration.ofSeconds(2));
            assertThat(signIn.authorization()).isEqualTo("Bearer second");
            // the service refused it (a 401): the next proposal gets a new one
            signIn.forget();
            assertThat(signIn.authorization()).isEqualTo("Bearer third");
            signIn.forget();
            assertThatThrownBy(signIn::authorization).isInstanceOf(IOException.class)
                    .hasMessageContaining("status 401").hasMessageContaining("invalid_client");
            assertThat(issuer.requests()).allSatisfy(seen -> assertThat(seen.method()).isEqualTo("POST"));
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package dev.curation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * What the issuer keeps: the code flow's authorizations, found by their tokens (an ID token from
 * before a refresh included), at most a bound of them, each until its refresh token expires; and
 * nothing of a client-credentials token.
 */
class SignInAuthorizationsTest {

    private static final RegisteredClient CLIENT = RegisteredClient.withId("web:curator-web").clientId("curator-web")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("http://127.0.0.1:8080/cb").build();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock();

    @Test
    void clientCredentialsTokensLeaveNothing() {
        SignInAuthorizations store = new SignInAuthorizations(10, clock);
        OAuth2Authorization token = OAuth2Authorization.withRegisteredClient(CLIENT).id("cc").principalName("alice")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).token(access("cc-access")).build();
        store.save(token);
        assertThat(store.size()).isZero();
        assertThat(store.findById("cc")).isNull();
        assertThat(store.findByToken("cc-access", OAuth2TokenType.ACCESS_TOKEN)).isNull();
    }

    @Test
    void aSignInIsFoundByItsTokensUntilItsRefreshTokenExpires() {
        SignInAuthorizations store = new SignInAuthorizations(10, clock);
        store.save(signIn("a", "first-id-token"));
        assertThat(store.findByToken("a-refresh", OAuth2TokenType.REFRESH_TOKEN)).isNotNull();
        assertThat(store.findByToken("a-access", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();

        // refreshed: a new ID token, and the one from the sign-in still finds it (RP-initiated logout sends that one)
        store.save(signIn("a", "second-id-token"));
        OAuth2TokenType idToken = new OAuth2TokenType("id_token");
        assertThat(store.findByToken("first-id-token", idToken)).isNotNull();
        assertThat(store.findByToken("second-id-token", idToken)).isNotNull();
        assertThat(store.findByToken("first-id-token", OAuth2TokenType.ACCESS_TOKEN)).isNull();

        clock.now = START.plus(Duration.ofHours(13));
        store.save(signIn("b", "b-id-token"));
        assertThat(store.findById("a")).isNull();
        assertThat(store.findByToken("first-id-token", idToken)).isNull();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aFullStoreDropsItsOldestSignIn() {
        SignInAuthorizations store = new SignInAuthorizations(2, clock);
        store.save(signIn("a", "a-id"));
        store.save(signIn("b", "b-id"));
        store.save(signIn("a", "a-id-2"));
        store.save(signIn("c", "c-id"));
        // a was refreshed after b: b was the oldest
        assertThat(store.findById("b")).isNull();
        assertThat(store.findById("a")).isNotNull();
        assertThat(store.findById("c")).isNotNull();
        assertThat(store.size()).isEqualTo(2);
    }

    private OAuth2Authorization signIn(String id, String idToken) {
        Instant now = clock.instant();
        return OAuth2Authorization.withRegisteredClient(CLIENT).id(id).principalName("alice")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .token(access(id + "-access"))
                .refreshToken(new OAuth2RefreshToken(id + "-refresh", now, now.plus(Duration.ofHours(12))))
                .token(new OidcIdToken(idToken, now, now.plus(Duration.ofHours(1)), Map.of("sub", "alice")))
                .build();
    }

    private OAuth2AccessToken access(String value) {
        Instant now = clock.instant();
        return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, now, now.plus(Duration.ofHours(1)));
    }

    private static final class MutableClock extends Clock {
        Instant now = START;

        @Override
        public ZoneOffset getZone() {
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

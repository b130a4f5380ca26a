package dev.curation.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps the authorizations of the code flow, in memory: a sign-in's code until it is exchanged,
 * then its tokens, so that the refresh token can be exchanged, the user-info endpoint can answer
 * for the access token and RP-initiated logout can find the ID token. Nothing else is kept:
 * client-credentials tokens are self-contained JWTs that the services check with the public key,
 * and this issuer offers neither introspection nor revocation, so a record of them would serve
 * nothing and grow with every request of every command-line client, test and benchmark.
 *
 * <p>At most {@link #MAX} authorizations: an authorization is dropped once all of its tokens have
 * expired (the refresh token last, after {@code curation.identity.refresh-token-lifetime}), and
 * when the store is full the oldest goes first, whose user then signs in again (of the codes not
 * yet exchanged, Spring's in-memory store keeps the newest 100: a web app exchanges its code at
 * once, within a code's five minutes). An issuer restart
 * loses them all: every signed-in person signs in again once their access token expires (the web
 * app's refresh is refused), which on the local stack is a form away.
 *
 * <p>A refresh replaces the authorization's ID token, but a web app signs out with the one it got
 * at sign-in ({@code id_token_hint}); the earlier ID tokens of a kept authorization still find it,
 * so that RP-initiated logout works after a refresh.
 */
final class SignInAuthorizations implements OAuth2AuthorizationService {

    static final int MAX = 10_000;
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final InMemoryOAuth2AuthorizationService kept = new InMemoryOAuth2AuthorizationService();
    /** The kept authorizations' ids, oldest first, with when their last token expires. */
    private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();
    /** Earlier ID tokens of the kept authorizations, replaced by a refresh: token value to authorization id. */
    private final Map<String, String> earlierIdTokens = new HashMap<>();
    /** The same, by authorization id, to forget them with it. */
    private final Map<String, List<String>> earlierIdTokensOf = new HashMap<>();
    private final int max;
    private final Clock clock;
    private Instant nextSweep;

    SignInAuthorizations() {
        this(MAX, Clock.systemUTC());
    }

    SignInAuthorizations(int max, Clock clock) {
        this.max = max;
        this.clock = clock;
        this.nextSweep = clock.instant();
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(authorization.getAuthorizationGrantType())) {
            return;
        }
        synchronized (expiries) {
            Instant now = clock.instant();
            if (now.isAfter(nextSweep) || (!expiries.containsKey(authorization.getId()) && expiries.size() >= max)) {
                dropExpired(now);
                nextSweep = now.plus(SWEEP_INTERVAL);
            }
            // saved again (its code exchanged, its token refreshed): the newest now
            expiries.remove(authorization.getId());
            while (expiries.size() >= max) {
                drop(expiries.keySet().iterator().next());
            }
            OAuth2Authorization earlier = kept.findById(authorization.getId());
            String earlierIdToken = idToken(earlier);
            if (earlierIdToken != null && !earlierIdToken.equals(idToken(authorization))) {
                earlierIdTokens.put(earlierIdToken, authorization.getId());
                earlierIdTokensOf.computeIfAbsent(authorization.getId(), id -> new ArrayList<>()).add(earlierIdToken);
            }
            kept.save(authorization);
            expiries.put(authorization.getId(), expiry(authorization, now));
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        synchronized (expiries) {
            expiries.remove(authorization.getId());
            forget(authorization.getId());
        }
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return kept.findById(id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        OAuth2Authorization found = kept.findByToken(token, tokenType);
        if (found != null || !(tokenType == null || OidcParameterNames.ID_TOKEN.equals(tokenType.getValue()))) {
            return found;
        }
        synchronized (expiries) {
            String id = earlierIdTokens.get(token);
            return id == null ? null : kept.findById(id);
        }
    }

    int size() {
        synchronized (expiries) {
            return expiries.size();
        }
    }

    private void dropExpired(Instant now) {
        for (Iterator<Map.Entry<String, Instant>> i = expiries.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<String, Instant> entry = i.next();
            if (!entry.getValue().isAfter(now)) {
                i.remove();
                forget(entry.getKey());
            }
        }
    }

    private void drop(String id) {
        expiries.remove(id);
        forget(id);
    }

    private static @Nullable String idToken(@Nullable OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OidcIdToken> token = authorization == null ? null : authorization.getToken(OidcIdToken.class);
        return token == null ? null : token.getToken().getTokenValue();
    }

    private void forget(String id) {
        List<String> earlier = earlierIdTokensOf.remove(id);
        if (earlier != null) {
            earlier.forEach(earlierIdTokens::remove);
        }
        OAuth2Authorization authorization = kept.findById(id);
        if (authorization != null) {
            kept.remove(authorization);
        }
    }

    /**
     * When the last of its tokens expires; an authorization request still waiting for its code
     * (none issued yet) lives as long as a code would.
     */
    private static Instant expiry(OAuth2Authorization authorization, Instant now) {
        return Stream.of(authorization.getRefreshToken(), authorization.getAccessToken(),
                        authorization.getToken(OAuth2AuthorizationCode.class))
                .filter(Objects::nonNull).map(OAuth2Authorization.Token::getToken).map(OAuth2Token::getExpiresAt)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(now.plus(Duration.ofMinutes(5)));
    }
}

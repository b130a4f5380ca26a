package dev.curation.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of the tokens given out. The tokens are self-contained JWTs that the services
 * check with the public key, and this issuer offers neither introspection nor revocation; the
 * default in-memory store would instead keep every token of every client-credentials request
 * until the process ends.
 */
final class StatelessAuthorizations implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {
        // nothing to keep: see the class comment
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        // nothing kept
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        return null;
    }
}

package dev.curation.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Makes an unknown client id cost what a known one with a wrong secret costs. Spring's client
 * secret check refuses an unknown client id before any hashing, so a fast refusal would say
 * which client ids exist. This provider runs first: for an unknown client id it checks the
 * secret against a decoy hash (a configured account's, so of the same encoder and cost) and
 * leaves the refusal to Spring's check; a known client id goes straight on to Spring's check.
 */
final class UnknownClients implements AuthenticationProvider {

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final String decoyHash;

    UnknownClients(RegisteredClientRepository clients, PasswordEncoder passwords, String decoyHash) {
        this.clients = clients;
        this.passwords = passwords;
        this.decoyHash = decoyHash;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
        ClientAuthenticationMethod method = client.getClientAuthenticationMethod();
        if (!ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method)
                && !ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
            return null;
        }
        if (clients.findByClientId(client.getPrincipal().toString()) != null) {
            return null;
        }
        Object secret = client.getCredentials();
        if (secret != null) {
            // the result is of no account: the decoy is another account's hash, and this one does not exist
            passwords.matches(secret.toString(), decoyHash);
        }
        // Spring's check, next, refuses the unknown client id as it always did (invalid_client)
        return null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package dev.curation.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.identity}: the accounts that may get tokens ({@code name}, {@code secret} as a
 * Spring Security encoded hash such as {@code {bcrypt}...}, global {@code roles}), which are also
 * the people who sign in on the issuer's sign-in page with their name and secret; how long a
 * token lives; where the signing key is kept so that tokens outlive a restart (a new key each
 * start without it); the audience ({@code aud}) the services require. {@code local-accounts}
 * permits plain-text secrets; only the local stack, bound to loopback, turns it on. The web
 * clients ({@code web-clients}) sign people in with the authorization code flow and PKCE; a
 * sign-in lasts as long as its refresh token ({@code refresh-token-lifetime}).
 *
 * <p>Each web client's settings are bound one by one ({@link WebClients}), so that a single one
 * given on the command line, such as the launcher's
 * {@code --curation.identity.web-clients[0].redirect-uris[0]=...}, replaces that setting only and
 * not the whole configured client.
 *
 * @param accounts             the accounts that may get tokens, and sign in on the sign-in page
 * @param localAccounts        permit plain-text secrets; the local stack only
 * @param tokenLifetime        how long an access token lives
 * @param keyFile              where the signing key is kept, so that tokens outlive a restart; a new key each start without it
 * @param audience             the audience ({@code aud}) of the access tokens, which the services require
 * @param webClients           web applications that sign people in with the authorization code flow and PKCE
 * @param refreshTokenLifetime how long a web client's refresh token lives: how long a sign-in lasts
 */
@ConfigurationProperties("curation.identity")
public record IdentityProperties(@DefaultValue List<Account> accounts, @DefaultValue("false") boolean localAccounts,
                                 @DefaultValue("1h") Duration tokenLifetime, @Nullable Path keyFile,
                                 @DefaultValue("curation") String audience, @DefaultValue List<WebClient> webClients,
                                 @DefaultValue("12h") Duration refreshTokenLifetime) {

    /** The same settings with other web clients (those {@link WebClients} bound one setting at a time). */
    IdentityProperties withWebClients(List<WebClient> clients) {
        return new IdentityProperties(accounts, localAccounts, tokenLifetime, keyFile, audience, clients, refreshTokenLifetime);
    }

    /**
     * @param name   the account's name (the client id, and the name it signs in with)
     * @param secret its secret as a Spring Security encoded hash, e.g. {@code {bcrypt}...}
     * @param roles  its global roles
     */
    public record Account(String name, String secret, @DefaultValue List<String> roles) {
    }

    /**
     * A web application that signs people in (authorization code flow with PKCE, refresh tokens).
     *
     * @param clientId               its client id
     * @param secret                 its secret, encoded as an account's ({@code {bcrypt}...}); none for a public
     *                               client (which gets no refresh token)
     * @param redirectUris           where the issuer may send a signed-in browser back with a code, exactly
     * @param postLogoutRedirectUris where the issuer may send a browser after signing it out, exactly
     */
    public record WebClient(String clientId, @Nullable String secret, @DefaultValue List<String> redirectUris,
                            @DefaultValue List<String> postLogoutRedirectUris) {
    }
}

package dev.curation.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.identity}: the accounts that may get tokens ({@code name}, {@code secret} as a
 * Spring Security encoded hash such as {@code {bcrypt}...}, global {@code roles}); how long a token
 * lives; where the signing key is kept so that tokens outlive a restart (a new key each start
 * without it); the audience ({@code aud}) the services require. {@code local-accounts} permits plain-text secrets; only the local stack, bound to
 * loopback, turns it on.
 *
 * @param accounts      the accounts that may get tokens
 * @param localAccounts permit plain-text secrets; the local stack only
 * @param tokenLifetime how long a token lives
 * @param keyFile       where the signing key is kept, so that tokens outlive a restart; a new key each start without it
 * @param audience      the audience ({@code aud}) of the tokens, which the services require
 */
@ConfigurationProperties("curation.identity")
public record IdentityProperties(@DefaultValue List<Account> accounts, @DefaultValue("false") boolean localAccounts,
                                 @DefaultValue("1h") Duration tokenLifetime, @Nullable Path keyFile,
                                 @DefaultValue("curation") String audience) {

    /**
     * @param name   the account's name (the client id)
     * @param secret its secret as a Spring Security encoded hash, e.g. {@code {bcrypt}...}
     * @param roles  its global roles
     */
    public record Account(String name, String secret, @DefaultValue List<String> roles) {
    }
}

package dev.curation.command.web;

import dev.curation.service.FailedSignIns;
import java.time.Duration;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sign-in, outermost first: the throttle of failed sign-ins (before anything is
 * checked), the cache of verified credentials (only a right password is ever a hit, so it makes
 * no name cheaper to guess), and one password check per attempt for known and unknown names.
 */
final class BasicSignIn {

    private static final Duration VERIFIED_FOR = Duration.ofMinutes(5);

    private BasicSignIn() {
    }

    static AuthenticationProvider provider(AccountProperties properties, UserDetailsService accounts, PasswordEncoder passwords,
                                           FailedSignIns failures) {
        // an unknown name is checked against the first account's hash: accounts should share one encoder and cost
        String decoy = properties.accounts().isEmpty() ? String.valueOf(passwords.encode(UUID.randomUUID().toString()))
                : properties.accounts().get(0).password();
        return new ThrottledAuthentication(new CachedCredentials(new AccountCheck(accounts, passwords, decoy), VERIFIED_FOR),
                failures);
    }
}

package dev.curation.identity;

import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The accounts as people who sign in on the sign-in page: the same names and secrets as their
 * clients (the secrets held to the same policy when the clients were registered). Names are
 * matched exactly, as client ids are. The roles are not authorities here: tokens carry them as
 * the {@code roles} claim, from the configuration at the time a token is made.
 */
final class AccountUsers implements UserDetailsService {

    private final Map<String, String> secrets = new HashMap<>();

    AccountUsers(IdentityProperties properties) {
        for (IdentityProperties.Account account : properties.accounts()) {
            if (account.name() != null && !account.name().isBlank() && account.secret() != null) {
                secrets.put(account.name(), account.secret());
            }
        }
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        String secret = secrets.get(name);
        if (secret == null) {
            throw new UsernameNotFoundException("no such account");
        }
        return new User(name, secret, AuthorityUtils.NO_AUTHORITIES);
    }
}

package dev.curation.command.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks an HTTP Basic name and password against the configured accounts with exactly one
 * password check, whether the name is an account or not. Spring's provider checks an unknown
 * name against a hash of its own (bcrypt at cost 10), cheaper or dearer than the accounts'
 * hashes, so the time of a refusal said whether the name exists; here an unknown name is checked
 * against a configured account's hash (the decoy: the same encoder and cost) and refused
 * whatever the result.
 */
final class AccountCheck implements AuthenticationProvider {

    private final UserDetailsService accounts;
    private final PasswordEncoder passwords;
    private final String decoyHash;

    AccountCheck(UserDetailsService accounts, PasswordEncoder passwords, String decoyHash) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.decoyHash = decoyHash;
    }

    /** The account a name signs in as, for counting failures: names are matched ignoring case, as the accounts are. */
    static String accountOf(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String password = request.getCredentials() instanceof String given ? given : "";
        @Nullable UserDetails account = find(request.getName());
        boolean matches = passwords.matches(password, account == null ? decoyHash : account.getPassword());
        if (account == null || !matches) {
            throw new BadCredentialsException("Bad credentials");
        }
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
        signedIn.setDetails(request.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private @Nullable UserDetails find(String name) {
        try {
            return accounts.loadUserByUsername(name);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}

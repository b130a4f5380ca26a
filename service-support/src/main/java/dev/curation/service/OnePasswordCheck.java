package dev.curation.service;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A name and password checked with exactly one password check, whether the name is an account or
 * not. Spring's provider checks an unknown name against a hash of its own (bcrypt at cost 10),
 * cheaper or dearer than the accounts' hashes, so the time of a refusal said whether the name
 * exists; here an unknown name is checked against a configured account's hash (the decoy: the same
 * encoder and cost) and refused whatever the result. The command service's HTTP Basic and the
 * issuer's sign-in form both check this way.
 */
public final class OnePasswordCheck {

    private final UserDetailsService accounts;
    private final PasswordEncoder passwords;
    private final String decoyHash;

    public OnePasswordCheck(UserDetailsService accounts, PasswordEncoder passwords, String decoyHash) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.decoyHash = decoyHash;
    }

    /** The account {@code request} names, if its password matches; else {@link BadCredentialsException}. */
    public UserDetails account(Authentication request) {
        String password = request.getCredentials() instanceof String given ? given : "";
        @Nullable UserDetails account = find(request.getName());
        boolean matches = passwords.matches(password, account == null ? decoyHash : account.getPassword());
        if (account == null || !matches) {
            throw new BadCredentialsException("Bad credentials");
        }
        return account;
    }

    private @Nullable UserDetails find(String name) {
        try {
            return accounts.loadUserByUsername(name);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}

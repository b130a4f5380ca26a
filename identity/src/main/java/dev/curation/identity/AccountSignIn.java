package dev.curation.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the sign-in form's name and password with exactly one password check, whether the name
 * is an account or not, as {@link UnknownClients} does at the token endpoint: Spring's provider
 * checks an unknown name against a bcrypt hash of its own cost, so the time of a refusal would
 * say whether the name exists. An unknown name is checked against a configured account's hash
 * (the decoy) and refused whatever the result.
 */
final class AccountSignIn implements AuthenticationProvider {

    private final UserDetailsService users;
    private final PasswordEncoder passwords;
    private final String decoyHash;

    AccountSignIn(UserDetailsService users, PasswordEncoder passwords, String decoyHash) {
        this.users = users;
        this.passwords = passwords;
        this.decoyHash = decoyHash;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String password = request.getCredentials() instanceof String given ? given : "";
        @Nullable UserDetails user = find(request.getName());
        boolean matches = passwords.matches(password, user == null ? decoyHash : user.getPassword());
        if (user == null || !matches) {
            throw new BadCredentialsException("Bad credentials");
        }
        // the password is not kept: the signed-in user lives in the session and in the code flow's authorizations;
        // the password factor's time is the ID token's auth_time
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user.getUsername(),
                null, List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
        signedIn.setDetails(request.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private @Nullable UserDetails find(String name) {
        try {
            return users.loadUserByUsername(name);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}

package dev.curation.identity;

import dev.curation.service.OnePasswordCheck;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the sign-in form's name and password with exactly one password check, whether the name
 * is an account or not ({@link OnePasswordCheck}), as {@link UnknownClients} does at the token
 * endpoint, so the time of a refusal does not say whether the name exists.
 */
final class AccountSignIn implements AuthenticationProvider {

    private final OnePasswordCheck check;

    AccountSignIn(UserDetailsService users, PasswordEncoder passwords, String decoyHash) {
        this.check = new OnePasswordCheck(users, passwords, decoyHash);
    }

    @Override
    public Authentication authenticate(Authentication request) {
        UserDetails user = check.account(request);
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
}

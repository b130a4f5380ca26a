package dev.curation.command.web;

import dev.curation.service.OnePasswordCheck;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks an HTTP Basic name and password against the configured accounts with exactly one
 * password check, whether the name is an account or not ({@link OnePasswordCheck}), so the time
 * of a refusal does not say whether the name exists.
 */
final class AccountCheck implements AuthenticationProvider {

    private final OnePasswordCheck check;

    AccountCheck(UserDetailsService accounts, PasswordEncoder passwords, String decoyHash) {
        this.check = new OnePasswordCheck(accounts, passwords, decoyHash);
    }

    /** The account a name signs in as, for counting failures: names are matched ignoring case, as the accounts are. */
    static String accountOf(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public Authentication authenticate(Authentication request) {
        UserDetails account = check.account(request);
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
        signedIn.setDetails(request.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

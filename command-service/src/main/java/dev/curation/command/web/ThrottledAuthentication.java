package dev.curation.command.web;

import dev.curation.service.FailedSignIns;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Slows password guessing: once an account has too many failed sign-ins from a client address,
 * or the address for all accounts together (see {@link FailedSignIns}), the attempts of that pair
 * (or address) are refused with {@link TooManyFailures} until their wait ends, before any password
 * is checked or looked up in the cache of verified ones. Only wrong credentials count; a
 * sign-in forgets its pair's failures. Names are counted as the accounts match them (ignoring case).
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final FailedSignIns failures;

    ThrottledAuthentication(AuthenticationProvider delegate, FailedSignIns failures) {
        this.delegate = delegate;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String address = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        String user = AccountCheck.accountOf(request.getName());
        Duration wait = failures.blocked(address, user);
        if (!wait.isZero()) {
            throw new TooManyFailures(wait);
        }
        try {
            Authentication signedIn = delegate.authenticate(request);
            if (signedIn != null && signedIn.isAuthenticated()) {
                failures.succeeded(address, user);
            }
            return signedIn;
        } catch (BadCredentialsException e) {
            failures.failed(address, user);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    /** Refused without a check; answered 429 with {@code Retry-After}. */
    static final class TooManyFailures extends AuthenticationException {

        private static final long serialVersionUID = 1L;

        private final long retryAfterSeconds;

        TooManyFailures(Duration wait) {
            super("too many failed sign-ins");
            this.retryAfterSeconds = FailedSignIns.retryAfterSeconds(wait);
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}

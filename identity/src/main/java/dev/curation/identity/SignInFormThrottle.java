package dev.curation.identity;

import dev.curation.service.FailedSignIns;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing on the sign-in form with the token endpoint's count
 * ({@link FailedSignIns}, the same instance as {@link TokenRequestThrottle}'s): a form's secret
 * is an account's client secret, so failures at either count for both, per (name, address) pair
 * and per address. A slowed post gets the form again, 429 with {@code Retry-After}, before any
 * password is checked; a refused one gets it 401 with a message that does not say whether the
 * name or the password was wrong; a sign-in forgets the pair's failures and goes on with the
 * saved authorization request. The name is counted as Spring's form reads it (trimmed), and
 * matched exactly as the accounts are.
 */
final class SignInFormThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler, AccessDeniedHandler {

    static final String SIGN_IN = "/login";

    private final FailedSignIns failures;
    private final SavedRequestAwareAuthenticationSuccessHandler continueAuthorization =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SignInFormThrottle(FailedSignIns failures) {
        this.failures = failures;
        // signed in without an authorization request to go on with: the page says who is signed in
        continueAuthorization.setDefaultTargetUrl(SIGN_IN);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().equals(request.getContextPath() + SIGN_IN);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = failures.blocked(request.getRemoteAddr(), name(request));
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = FailedSignIns.retryAfterSeconds(wait);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        SignInPage.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                SignInPage.words(request).tooMany().formatted(seconds));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        failures.failed(request.getRemoteAddr(), name(request));
        SignInPage.write(request, response, HttpStatus.UNAUTHORIZED, SignInPage.words(request).wrong());
    }

    /**
     * A post refused before any password check: its CSRF token is not its session's (the session
     * ended while the form was open, the issuer restarted). The form again, with a new token.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        SignInPage.write(request, response, HttpStatus.FORBIDDEN, SignInPage.words(request).expired());
    }

    AuthenticationSuccessHandler successHandler() {
        return (request, response, authentication) -> signedIn(request, response, authentication);
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        failures.succeeded(request.getRemoteAddr(), authentication.getName());
        continueAuthorization.onAuthenticationSuccess(request, response, authentication);
    }

    private static @Nullable String name(HttpServletRequest request) {
        String name = request.getParameter("username");
        return name == null ? null : name.trim();
    }
}

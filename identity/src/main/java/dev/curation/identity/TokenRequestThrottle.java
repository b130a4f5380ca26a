package dev.curation.identity;

import dev.curation.service.FailedSignIns;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops secret guessing at the token endpoint, as the command service does for HTTP Basic: once
 * a client address or a client id has too many requests refused for their credentials (401) in
 * the window, its requests are answered 429 with {@code Retry-After} before any secret is checked
 * (each check of a bcrypt secret costs tens of milliseconds of CPU). Refusals for anything else
 * (an unsupported grant, a malformed request) do not count, nor do tokens given.
 */
final class TokenRequestThrottle extends OncePerRequestFilter {

    static final String TOKEN_ENDPOINT = "/oauth2/token";

    private final FailedSignIns failures;

    TokenRequestThrottle(FailedSignIns failures) {
        this.failures = failures;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + TOKEN_ENDPOINT);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        String client = clientId(request);
        Duration wait = failures.blocked(address, client);
        if (!wait.isZero()) {
            long seconds = FailedSignIns.retryAfterSeconds(wait);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(("{\"error\":\"invalid_client\",\"error_description\":\"too many refused "
                    + "requests from this client or for this client id; retry in " + seconds + " s\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failures.failed(address, client);
        }
    }

    /** The client id of an {@code Authorization: Basic} header, else of the form, else none. */
    private static @Nullable String clientId(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return request.getParameter("client_id");
    }
}

package dev.curation.identity;

import dev.curation.service.FailedSignIns;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows secret guessing at the token endpoint, as the command service does for HTTP Basic
 * ({@link FailedSignIns}): requests refused for their credentials (401) slow down the (client id,
 * address) pair that made them, and past a high number the address; a slowed request is answered
 * 429 with {@code Retry-After} before any secret is checked (each check of a bcrypt secret costs
 * tens of milliseconds of CPU). Another client id from the same address, and the same one from
 * another address, get their tokens. A token given forgets the pair's failures; refusals for
 * anything else (an unsupported grant, a malformed request) do not count. The client id is read
 * as Spring's client authentication reads it, so that no spelling of it is a fresh count.
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
                    + "requests for this client id from this address, or from this address; retry in " + seconds + " s\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failures.failed(address, client);
        } else if (response.getStatus() == HttpStatus.OK.value()) {
            failures.succeeded(address, client);
        }
    }

    /**
     * The client id as Spring's converters read it: of an {@code Authorization: Basic} header,
     * form-url-decoded (RFC 6749 2.3.1), else the one {@code client_id} of the form body (a
     * parameter named in the query string is none); none when they would find none. Client ids
     * are matched exactly, so no case is folded.
     */
    static @Nullable String clientId(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            String[] parts = header.split("\\s");
            if (parts[0].equalsIgnoreCase("Basic")) {
                return parts.length == 2 ? basicClientId(parts[1]) : null;
            }
        }
        String query = request.getQueryString();
        String[] ids = request.getParameterValues("client_id");
        return (query != null && query.contains("client_id")) || ids == null || ids.length != 1 ? null : ids[0];
    }

    private static @Nullable String basicClientId(String credentials) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 1 ? null : URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

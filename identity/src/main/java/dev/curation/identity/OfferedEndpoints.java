package dev.curation.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only what the issuer offers: discovery, the key set, the token endpoint, health, and
 * for the web clients' sign-in the authorization endpoint, the sign-in page, user info and
 * RP-initiated logout. Spring Authorization Server also mounts the device, registration,
 * introspection and revocation endpoints; none has a use here. Everything else is a 404 before
 * any of it runs.
 */
final class OfferedEndpoints extends OncePerRequestFilter {

    private static final List<String> OFFERED = List.of(TokenRequestThrottle.TOKEN_ENDPOINT, "/oauth2/jwks",
            "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server", "/actuator/health",
            CodeFlowClients.AUTHORIZATION_ENDPOINT, SignInFormThrottle.SIGN_IN, "/userinfo", "/connect/logout");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OFFERED.stream().anyMatch(offered -> path.equals(offered) || path.startsWith(offered + "/"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(("{\"error\":\"not_found\",\"error_description\":\"this issuer offers "
                + String.join(", ", OFFERED) + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}

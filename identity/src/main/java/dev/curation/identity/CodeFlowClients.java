package dev.curation.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an authorization request for an account's client, which signs no one in: it has no
 * redirect URI to send the refusal to, and Spring Authorization Server, looking for one, threw
 * (a 500). Answered here as a 400 {@code unauthorized_client}, shown to the browser, before the
 * request costs a session or a sign-in. Requests for web clients and for unknown client ids go
 * on to Spring's checks.
 */
final class CodeFlowClients extends OncePerRequestFilter {

    static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

    private final RegisteredClientRepository clients;

    CodeFlowClients(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + AUTHORIZATION_ENDPOINT);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] ids = request.getParameterValues("client_id");
        RegisteredClient client = ids == null || ids.length != 1 ? null : clients.findByClientId(ids[0]);
        if (client == null || client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(("{\"error\":\"unauthorized_client\",\"error_description\":\"this client gets "
                + "tokens with the client credentials grant; only web clients sign people in\"}").getBytes(StandardCharsets.UTF_8));
    }
}

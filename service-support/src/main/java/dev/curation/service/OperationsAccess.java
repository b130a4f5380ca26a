package dev.curation.service;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may use the operations endpoints of either service: an account signed in with a token of
 * the OIDC issuer that gives it the global role {@value #OPERATOR} (so that the log names who
 * rebuilt what); with {@code curation.operations.token} set, a request bearing it
 * ({@code Authorization: Bearer <token>}, compared in constant time); without one, only requests
 * from loopback that no proxy forwarded. Each service's security filter chain applies it to
 * {@code /api/operations/**} (it is an {@link AuthorizationManager}), and answers a refusal with
 * {@link #refusal}.
 */
public final class OperationsAccess implements AuthorizationManager<RequestAuthorizationContext> {

    /** The global role of operators, from the issuer's roles claim. */
    public static final String OPERATOR = "OPERATOR";
    /** Set by Tomcat's RemoteIpValve when the peer is a trusted proxy, whatever it forwarded. */
    static final String TOMCAT_FORWARDED = "org.apache.tomcat.request.forwarded";
    /** Headers that say a proxy passed the request on: a loopback address behind them is the proxy's, not the client's. */
    private static final List<String> FORWARDING = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    private final byte @Nullable [] token;

    public OperationsAccess(@Nullable String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Authentication who = authentication.get();
        boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
        boolean operator = signedIn && who.getAuthorities().stream().anyMatch(a -> ("ROLE_" + OPERATOR).equals(a.getAuthority()));
        return new AuthorizationDecision(operator || allowed(context.getRequest()));
    }

    /** The problem to answer with, or null when the request may go on. */
    public @Nullable ResponseEntity<ProblemDetail> refusal(HttpServletRequest request) {
        if (request.isUserInRole(OPERATOR) || allowed(request)) {
            return null;
        }
        Principal signedIn = request.getUserPrincipal();
        if (signedIn != null) {
            return Problems.answer(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", signedIn.getName()
                    + " is signed in without the role " + OPERATOR + " that operations need", request);
        }
        if (token == null) {
            return Problems.answer(HttpStatus.FORBIDDEN, "operations-disabled", "Operations disabled",
                    "set curation.operations.token to use operations from other hosts, or sign in with a token of the OIDC "
                            + "issuer for an account with the role " + OPERATOR + " (this request came from "
                            + request.getRemoteAddr() + (forwarded(request) ? ", forwarded by a proxy" : "") + ")", request);
        }
        return Problems.answer(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "operations need Authorization: Bearer <curation.operations.token>, or a token of the OIDC issuer for an "
                        + "account with the role " + OPERATOR, request);
    }

    /** The operations token, or without one loopback that no header vouches for. */
    private boolean allowed(HttpServletRequest request) {
        return token == null ? loopback(request.getRemoteAddr()) && !forwarded(request)
                : MessageDigest.isEqual(bearer(request), token);
    }

    /**
     * Whether a proxy passed the request on: then its loopback address is the proxy's (a proxy on
     * the same host), or a header's claim, and never a reason to trust the client.
     */
    private static boolean forwarded(HttpServletRequest request) {
        return request.getAttribute(TOMCAT_FORWARDED) != null || FORWARDING.stream().anyMatch(h -> request.getHeader(h) != null);
    }

    private static byte[] bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

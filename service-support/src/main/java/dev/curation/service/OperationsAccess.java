package dev.curation.service;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Who may use the operations endpoints of either service: an account signed in with a token of
 * the OIDC issuer that gives it the global role {@value #OPERATOR} (so that the log names who
 * rebuilt what); with {@code curation.operations.token} set, a request bearing it
 * ({@code Authorization: Bearer <token>}, compared in constant time); without one, only requests
 * from loopback.
 */
public final class OperationsAccess {

    /** The global role of operators, from the issuer's roles claim. */
    public static final String OPERATOR = "OPERATOR";

    private final byte @Nullable [] token;

    public OperationsAccess(@Nullable String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** The problem to answer with, or null when the request may go on. */
    public @Nullable ResponseEntity<ProblemDetail> refusal(HttpServletRequest request) {
        if (request.isUserInRole(OPERATOR)) {
            return null;
        }
        boolean allowed = token == null ? loopback(request.getRemoteAddr()) : MessageDigest.isEqual(bearer(request), token);
        if (allowed) {
            return null;
        }
        java.security.Principal signedIn = request.getUserPrincipal();
        if (signedIn != null) {
            return ProblemResponses.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", signedIn.getName()
                    + " is signed in without the role " + OPERATOR + " that operations need", request);
        }
        if (token == null) {
            return ProblemResponses.of(HttpStatus.FORBIDDEN, "operations-disabled", "Operations disabled",
                    "set curation.operations.token to use operations from other hosts, or sign in with a token of the OIDC "
                            + "issuer for an account with the role " + OPERATOR, request);
        }
        return ProblemResponses.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "operations need Authorization: Bearer <curation.operations.token>, or a token of the OIDC issuer for an "
                        + "account with the role " + OPERATOR, request);
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

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
 * Who may use the operations endpoints of either service: with {@code curation.operations.token}
 * set, a request bearing it ({@code Authorization: Bearer <token>}, compared in constant time);
 * without one, only requests from loopback.
 */
public final class OperationsAccess {

    private final byte @Nullable [] token;

    public OperationsAccess(@Nullable String token) {
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** The problem to answer with, or null when the request may go on. */
    public @Nullable ResponseEntity<ProblemDetail> refusal(HttpServletRequest request) {
        if (token == null) {
            return loopback(request.getRemoteAddr()) ? null : ProblemResponses.of(HttpStatus.FORBIDDEN, "operations-disabled",
                    "Operations disabled", "set curation.operations.token to use operations from other hosts", request);
        }
        String header = request.getHeader("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        return MessageDigest.isEqual(given, token) ? null : ProblemResponses.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Authentication required", "operations need Authorization: Bearer <curation.operations.token>", request);
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

package dev.curation.command.web;

import dev.curation.command.publishing.Republisher;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on the write side (docs/operations.md). Like the query side's, they need
 * {@code curation.operations.token} as a bearer token, or come from loopback when none is set.
 */
@RestController
class OperationsController {

    private final Republisher republisher;
    private final byte[] token;

    OperationsController(Republisher republisher, @Value("${curation.operations.token:}") String token) {
        this.republisher = republisher;
        this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Operation(summary = "Republish the event store to Kafka from the start (operators); consumers skip what they applied")
    @PostMapping(path = "/api/operations/republish", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> republish(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> refused = refused(request);
        if (refused != null) {
            return refused;
        }
        republisher.republish();
        return ResponseEntity.accepted().body(Map.of("status", "republishing",
                "detail", "the publisher restarted from the first stored event; watch curation.publisher.* and health"));
    }

    private ResponseEntity<ProblemDetail> refused(HttpServletRequest request) {
        if (token == null) {
            return loopback(request.getRemoteAddr()) ? null : problem(HttpStatus.FORBIDDEN, "operations-disabled",
                    "Operations disabled", "set curation.operations.token to use operations from other hosts", request);
        }
        String header = request.getHeader("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        return MessageDigest.isEqual(given, token) ? null : problem(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Authentication required", "operations need Authorization: Bearer <curation.operations.token>", request);
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         HttpServletRequest request) {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package dev.curation.query.list.web;

import dev.curation.query.list.QuarantinedLists;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of quarantined lists, and the retry after the cause is removed. Reads of this
 * service are open, operations are not: with {@code curation.operations.token} set, a request
 * needs {@code Authorization: Bearer <token>}; without it, only requests from the loopback
 * interface are served (the local stack).
 */
@RestController
class QuarantineController {

    private final QuarantinedLists quarantined;
    private final byte[] token;

    QuarantineController(QuarantinedLists quarantined, @Value("${curation.operations.token:}") String token) {
        this.quarantined = quarantined;
        this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Operation(summary = "Quarantined lists (operators): why, since when, and the positions of their held records")
    @GetMapping(path = "/api/operations/quarantine", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> all(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> refused = refused(request);
        return refused != null ? refused : ResponseEntity.ok(new ListController.Page<>(quarantined.all()));
    }

    /** Records to drop before retrying: records that are not events of ours (written to the topic by hand, say). */
    record RetryRequest(List<QuarantinedLists.Position> discard) {
    }

    @Operation(summary = "Retry a quarantined list (operators): apply its held records, optionally dropping some first")
    @PostMapping(path = "/api/operations/quarantine/{list}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> retry(@PathVariable String list, @RequestBody(required = false) RetryRequest body,
                            HttpServletRequest request) {
        ResponseEntity<ProblemDetail> refused = refused(request);
        if (refused != null) {
            return refused;
        }
        if (!quarantined.isQuarantined(list)) {
            return problem(HttpStatus.NOT_FOUND, "not-quarantined", "Not quarantined",
                    "list '" + list + "' is not quarantined", request);
        }
        List<QuarantinedLists.Position> discard = body == null || body.discard() == null ? List.of() : body.discard();
        QuarantinedLists.Outcome outcome = quarantined.retry(list, discard);
        if (outcome.status().equals("released")) {
            return ResponseEntity.ok(outcome);
        }
        ResponseEntity<ProblemDetail> still = problem(HttpStatus.CONFLICT, "still-quarantined", "Still quarantined",
                "the held records of list '" + list + "' still fail: " + outcome.error(), request);
        still.getBody().setProperty("list", list);
        return still;
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:curation:problem:" + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

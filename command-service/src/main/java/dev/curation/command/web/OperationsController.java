package dev.curation.command.web;

import dev.curation.command.publishing.Republisher;
import dev.curation.service.OperationsAccess;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
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
    private final OperationsAccess access;

    OperationsController(Republisher republisher, @Value("${curation.operations.token:}") String token) {
        this.republisher = republisher;
        this.access = new OperationsAccess(token);
    }

    @Operation(summary = "Republish the event store to Kafka from the start (operators); consumers skip what they applied")
    @PostMapping(path = "/api/operations/republish", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> republish(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> refused = access.refusal(request);
        if (refused != null) {
            return refused;
        }
        republisher.republish();
        return ResponseEntity.accepted().body(Map.of("status", "republishing",
                "detail", "the publisher restarted from the first stored event; watch curation.publisher.* and health"));
    }
}

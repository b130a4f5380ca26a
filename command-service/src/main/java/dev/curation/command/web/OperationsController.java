package dev.curation.command.web;

import dev.curation.command.publishing.Republisher;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on the write side (docs/operations.md). Like the query side's, they need an
 * operator's token of the issuer, {@code curation.operations.token} as a bearer token, or come from
 * loopback when none is set: {@code SecurityConfig} checks that before a request gets here.
 */
@RestController
class OperationsController {

    private final Republisher republisher;

    OperationsController(Republisher republisher) {
        this.republisher = republisher;
    }

    @Operation(summary = "Republish the event store to Kafka from the start (operators); consumers skip what they applied")
    @PostMapping(path = "/api/operations/republish", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> republish() {
        republisher.republish();
        return ResponseEntity.accepted().body(Map.of("status", "republishing",
                "detail", "the publisher restarted from the first stored event; watch curation.publisher.* and health"));
    }
}

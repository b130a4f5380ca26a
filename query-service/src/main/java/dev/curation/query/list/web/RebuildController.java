package dev.curation.query.list.web;

import dev.curation.query.list.ReadModelRebuild;
import dev.curation.service.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rebuild of every read model from the topic (operators, like the quarantine endpoints):
 * started here, then followed at its status until it is swapped in or failed.
 */
@RestController
class RebuildController {

    private static final String PATH = "/api/operations/rebuild";

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Rebuild every read model from the topic into fresh tables, then swap them in (operators); "
            + "202, followed at the Location")
    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> start(HttpServletRequest request) {
        try {
            return ResponseEntity.accepted().location(URI.create(PATH)).body(rebuild.start());
        } catch (ReadModelRebuild.AlreadyRunning e) {
            return Problems.answer(HttpStatus.CONFLICT, "rebuild-running", "Rebuild running",
                    e.getMessage() + "; one runs at a time (follow it at GET " + PATH + " on its replica)", request);
        }
    }

    @Operation(summary = "The last rebuild on this replica (operators): running, swapped or failed, with its counts")
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> status(HttpServletRequest request) {
        ReadModelRebuild.Status status = rebuild.status();
        return status != null ? ResponseEntity.ok(status) : Problems.answer(HttpStatus.NOT_FOUND, "no-rebuild",
                "No rebuild", "no rebuild has run on this replica since it started", request);
    }
}

package dev.curation.query.list.web;

import dev.curation.query.list.QuarantinedLists;
import dev.curation.service.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
 * interface are served (the local stack). SecurityConfig checks that before a request gets here.
 */
@RestController
class QuarantineController {

    private final QuarantinedLists quarantined;

    QuarantineController(QuarantinedLists quarantined) {
        this.quarantined = quarantined;
    }

    @Operation(summary = "Quarantined lists (operators): why, since when, and the positions of their held records")
    @GetMapping(path = "/api/operations/quarantine", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> all() {
        return ResponseEntity.ok(new ListController.Page<>(quarantined.all()));
    }

    /** Records to drop before retrying: records that are not events of ours (written to the topic by hand, say). */
    record RetryRequest(List<QuarantinedLists.Position> discard) {
    }

    @Operation(summary = "Retry a quarantined list (operators): apply its held records, optionally dropping some first")
    @PostMapping(path = "/api/operations/quarantine/{list}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> retry(@PathVariable String list, @RequestBody(required = false) RetryRequest body,
                            HttpServletRequest request) {
        if (!quarantined.isQuarantined(list)) {
            return Problems.answer(HttpStatus.NOT_FOUND, "not-quarantined", "Not quarantined",
                    "list '" + list + "' is not quarantined", request);
        }
        List<QuarantinedLists.Position> discard = body == null || body.discard() == null ? List.of() : body.discard();
        QuarantinedLists.Outcome outcome = quarantined.retry(list, discard);
        if (outcome.status().equals("released")) {
            return ResponseEntity.ok(outcome);
        }
        ResponseEntity<ProblemDetail> still = Problems.answer(HttpStatus.CONFLICT, "still-quarantined", "Still quarantined",
                "the held records of list '" + list + "' still fail: " + outcome.error(), request);
        still.getBody().setProperty("list", list);
        return still;
    }
}

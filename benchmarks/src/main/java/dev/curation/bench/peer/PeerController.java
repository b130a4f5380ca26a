package dev.curation.bench.peer;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The one write the bench compares: an addLink change set, answered 201 with the list's new version. */
@RestController
class PeerController {

    private final PeerStore store;

    PeerController(PeerStore store) {
        this.store = store;
    }

    record Version(long version) {
    }

    @PostMapping(path = "/api/lists/{slug}/edits", consumes = "application/json")
    ResponseEntity<?> edit(@PathVariable String slug, @RequestBody ChangeSet changeSet, Authentication user) {
        String problem = changeSet.problem();
        if (problem != null) {
            return ResponseEntity.badRequest().body(Map.of("detail", problem));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Version(store.addLink(slug, changeSet.edits().get(0), user.getName())));
    }
}

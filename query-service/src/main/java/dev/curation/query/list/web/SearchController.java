package dev.curation.query.list.web;

import dev.curation.query.list.EntryIndex;
import dev.curation.query.list.EntryIndex.SearchHit;
import dev.curation.query.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

    private final EntryIndex entries;

    SearchController(EntryIndex entries) {
        this.entries = entries;
    }

    @Operation(summary = "Entries of all lists whose title, description or URL contain the query (any language)")
    @GetMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
    ListController.Page<SearchHit> search(@Parameter(example = "服务") @RequestParam(required = false) String q,
                                          @RequestParam(defaultValue = "50") int limit) {
        if (q == null || q.isBlank()) {
            throw new BadRequestException("q is required: the text to look for");
        }
        if (q.length() > 200) {
            throw new BadRequestException("q must be at most 200 characters");
        }
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("limit must be between 1 and 500");
        }
        return new ListController.Page<>(entries.search(q.strip(), limit));
    }
}

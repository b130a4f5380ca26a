package dev.curation.query.list.web;

import dev.curation.query.list.EntryIndex;
import dev.curation.query.list.EntryIndex.SearchHit;
import dev.curation.query.web.BadRequestException;
import dev.curation.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {

    private static final int MAX_QUERY = 200;
    private static final int MAX_LIMIT = 500;

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
        QueryParameters.text("q", q, MAX_QUERY);
        QueryParameters.between("limit", limit, 1, MAX_LIMIT);
        return new ListController.Page<>(entries.search(q.strip(), limit));
    }
}

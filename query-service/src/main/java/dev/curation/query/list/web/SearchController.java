package dev.curation.query.list.web;

import dev.curation.query.history.ReadGate;
import dev.curation.query.list.EntryIndex;
import dev.curation.query.list.EntryIndex.SearchHit;
import dev.curation.query.web.BadRequestException;
import dev.curation.query.web.Paging;
import dev.curation.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search across lists, paged. A term of fewer than {@value #SHORT} characters cannot use the
 * trigram indexes and reads every entry, so it runs through the {@link ReadGate} (503 busy with
 * Retry-After when the gate stays taken) rather than being refused: one- and two-character terms
 * are real searches ("Go", "C", "服务").
 */
@RestController
class SearchController {

    private static final int MAX_QUERY = 200;
    /** Terms shorter than this (in characters) are expensive: PostgreSQL's trigram index cannot serve them. */
    static final int SHORT = 3;

    private final EntryIndex entries;
    private final ReadGate gate;

    SearchController(EntryIndex entries, ReadGate gate) {
        this.entries = entries;
        this.gate = gate;
    }

    @Operation(summary = "Entries of all lists whose title, description or URL contain the query (any language), best "
            + "matches first, paged; a query under " + SHORT + " characters counts as an expensive read (503 busy when "
            + "too many run)")
    @GetMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
    Paging.Page<SearchHit> search(@Parameter(example = "服务") @RequestParam(required = false) String q,
                                  @Parameter(description = Paging.LIMIT) @RequestParam(defaultValue = "50") int limit,
                                  @Parameter(description = Paging.OFFSET) @RequestParam(defaultValue = "0") int offset,
                                  HttpServletRequest request, HttpServletResponse response) {
        if (q == null || q.isBlank()) {
            throw new BadRequestException("q is required: the text to look for");
        }
        QueryParameters.text("q", q, MAX_QUERY);
        Paging paging = Paging.of(limit, offset);
        String term = q.strip();
        List<SearchHit> hits = term.codePointCount(0, term.length()) < SHORT
                ? gate.run(() -> entries.search(term, paging.offset(), paging.fetch()))
                : entries.search(term, paging.offset(), paging.fetch());
        return paging.page(hits, request, response);
    }
}

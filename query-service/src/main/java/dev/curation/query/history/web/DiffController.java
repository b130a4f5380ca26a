package dev.curation.query.history.web;

import dev.curation.core.document.DocumentDiff;
import dev.curation.core.document.ListDocument;
import dev.curation.query.history.ListHistory;
import dev.curation.query.history.VersionDiffs;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.web.NotFoundException;
import dev.curation.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Differences between two versions of a list, as text (unified diff) or as structure (JSON), by content negotiation. */
@RestController
class DiffController {

    static final String DIFF = "text/x-diff";

    private final ListStore lists;
    private final ListHistory history;
    private final VersionDiffs diffs;

    DiffController(ListStore lists, ListHistory history, VersionDiffs diffs) {
        this.lists = lists;
        this.history = history;
        this.diffs = diffs;
    }

    @Operation(summary = "Differences between two versions: a unified diff (Accept: text/x-diff) or a structural diff (JSON)")
    @GetMapping(path = "/api/lists/{slug}/diff", produces = DIFF)
    ResponseEntity<String> unifiedDiff(@PathVariable String slug, @RequestParam long from, @RequestParam long to) {
        StoredDocument list = list(slug, from, to);
        String diff = diffs.unified(list.listId(), slug + ".md", from, to,
                () -> at(list, from), () -> at(list, to));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DIFF + ";charset=UTF-8")).body(diff);
    }

    @GetMapping(path = "/api/lists/{slug}/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    StructuralDiff structuralDiff(@PathVariable String slug, @RequestParam long from, @RequestParam long to) {
        StoredDocument list = list(slug, from, to);
        DocumentDiff diff = diffs.structural(list.listId(), from, to,
                () -> at(list, from), () -> at(list, to));
        return new StructuralDiff(from, to, diff.entries(), diff.sections());
    }

    record StructuralDiff(long from, long to, List<DocumentDiff.EntryChange> entries,
                          List<DocumentDiff.SectionChange> sections) {
    }

    private ListDocument at(StoredDocument list, long version) {
        return history.documentAt(list.listId(), version).orElseThrow(() -> noVersion(list, version));
    }

    /** The list, once {@code from} and {@code to} are known to be versions it has (before any document is built). */
    private StoredDocument list(String slug, long from, long to) {
        QueryParameters.version("from", from);
        QueryParameters.version("to", to);
        StoredDocument list = lists.bySlug(slug).orElseThrow(() -> NotFoundException.list(slug));
        for (long version : new long[] {from, to}) {
            if (version > list.version()) {
                throw noVersion(list, version);
            }
        }
        return list;
    }

    private static NotFoundException noVersion(StoredDocument list, long version) {
        return new NotFoundException("list '" + list.slug() + "' has no version " + version + " (current: " + list.version() + ")");
    }
}

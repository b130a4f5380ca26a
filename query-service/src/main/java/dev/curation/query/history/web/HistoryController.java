package dev.curation.query.history.web;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.curation.core.document.DocumentDiff;
import dev.curation.core.document.ListDocument;
import dev.curation.query.history.ListBlame;
import dev.curation.query.history.ListBlame.BlameLine;
import dev.curation.query.history.ListHistory;
import dev.curation.query.history.ListHistory.VersionRow;
import dev.curation.query.history.VersionDiffs;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.web.NotFoundException;
import dev.curation.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
class HistoryController {

    static final String DIFF = "text/x-diff";
    private static final List<String> KINDS = List.of("import", "edit", "proposal", "revert");

    /** Actors are account names; anything longer is not one. */
    private static final int MAX_ACTOR = 100;
    private static final int MAX_SIZE = 200;

    private final ListStore lists;
    private final ListHistory history;
    private final VersionDiffs diffs;
    private final ListBlame blames;

    HistoryController(ListStore lists, ListHistory history, VersionDiffs diffs, ListBlame blames) {
        this.lists = lists;
        this.history = history;
        this.diffs = diffs;
        this.blames = blames;
    }

    record HistoryPage(List<VersionRow> items, int page, int size, String next) {
    }

    @Operation(summary = "Versions of a list, newest first, with who, when, what (a sentence) and why")
    @GetMapping(path = "/api/lists/{slug}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    HistoryPage history(@PathVariable String slug,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size,
                        @RequestParam(required = false) String actor,
                        @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
                        @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to,
                        @Parameter(description = "import, edit, proposal or revert") @RequestParam(required = false) String kind,
                        HttpServletRequest request) {
        QueryParameters.between("page", page, 0, QueryParameters.MAX_PAGE);
        QueryParameters.between("size", size, 1, MAX_SIZE);
        ListHistory.Filter filter = new ListHistory.Filter(QueryParameters.text("actor", actor, MAX_ACTOR),
                QueryParameters.instant("from", from), QueryParameters.instant("to", to),
                QueryParameters.oneOf("kind", kind, KINDS));
        StoredDocument list = list(slug);
        // page and size are bounded above, so the offset cannot overflow
        List<VersionRow> rows = history.versions(list.listId(), filter, page * size, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page + 1).build().toUriString();
        }
        return new HistoryPage(rows, page, size, next);
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

    @Operation(summary = "The versions that changed an entry (or topic, or text block), newest first, across moves")
    @GetMapping(path = "/api/lists/{slug}/entries/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<EntryVersion>> entryHistory(@PathVariable String slug, @PathVariable String id) {
        StoredDocument list = list(slug);
        List<EntryVersion> items = new ArrayList<>();
        for (VersionRow row : history.itemHistory(list.listId(), id)) {
            List<String> sentences = history.itemSentences(list.listId(), row.version(), id);
            items.add(new EntryVersion(row.version(), row.timestamp(), row.actor(), row.kind(),
                    sentences.isEmpty() ? row.summary() : row.actor() + " " + String.join(", ", sentences), row.proposal()));
        }
        if (items.isEmpty()) {
            throw new NotFoundException("list '" + slug + "' has no entry, topic or text block with id '" + id + "'");
        }
        return Map.of("items", items);
    }

    record EntryVersion(long version, Instant timestamp, String actor, String kind, String summary, String proposal) {
    }

    @Operation(summary = "For each line of the current Markdown, the version and actor that last touched it")
    @GetMapping(path = "/api/lists/{slug}/blame", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<BlameLine>> blame(@PathVariable String slug) {
        StoredDocument list = list(slug);
        return Map.of("items", blames.at(list.listId(), list.version()).orElseThrow(() -> NotFoundException.list(slug)));
    }

    @Operation(summary = "An Atom 1.0 feed of the list's changes")
    @GetMapping(path = "/api/lists/{slug}/feed.atom", produces = "application/atom+xml")
    ResponseEntity<String> feed(@PathVariable String slug, HttpServletRequest request) throws FeedException {
        StoredDocument list = list(slug);
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        List<VersionRow> versions = history.versions(list.listId(), new ListHistory.Filter(null, null, null, null), 0, 50);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Changes to " + slug);
        feed.setUri("urn:curation:list:" + list.listId());
        feed.setLink(base + "/api/lists/" + slug + "/markdown");
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(base + "/api/lists/" + slug + "/feed.atom");
        feed.setLinks(List.of(self));
        feed.setPublishedDate(versions.isEmpty() ? new Date() : Date.from(versions.getFirst().timestamp()));
        List<SyndEntry> entries = new ArrayList<>();
        for (VersionRow version : versions) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:curation:list:" + list.listId() + ":version:" + version.version());
            entry.setTitle("Version " + version.version() + ": " + version.summary());
            entry.setLink(base + "/api/lists/" + slug + "/markdown?version=" + version.version());
            entry.setAuthor(version.actor() == null ? "unknown" : version.actor());
            entry.setUpdatedDate(Date.from(version.timestamp()));
            entry.setPublishedDate(Date.from(version.timestamp()));
            SyndContentImpl content = new SyndContentImpl();
            content.setType("text");
            content.setValue(version.summary() + (version.rationale() == null ? "" : "\n\nWhy: " + version.rationale()));
            entry.setDescription(content);
            entries.add(entry);
        }
        feed.setEntries(entries);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(new SyndFeedOutput().outputString(feed));
    }

    private ListDocument at(StoredDocument list, long version) {
        return history.documentAt(list.listId(), version).orElseThrow(() -> noVersion(list, version));
    }

    /** The list, once {@code from} and {@code to} are known to be versions it has (before any document is built). */
    private StoredDocument list(String slug, long from, long to) {
        QueryParameters.version("from", from);
        QueryParameters.version("to", to);
        StoredDocument list = list(slug);
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

    private StoredDocument list(String slug) {
        return lists.bySlug(slug).orElseThrow(() -> NotFoundException.list(slug));
    }
}

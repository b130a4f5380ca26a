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
import dev.curation.core.document.Lines;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.document.Section;
import dev.curation.query.history.ListHistory;
import dev.curation.query.history.ListHistory.VersionRow;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.list.UnifiedDiff;
import dev.curation.query.web.BadRequestException;
import dev.curation.query.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    private final ListStore lists;
    private final ListHistory history;

    HistoryController(ListStore lists, ListHistory history) {
        this.lists = lists;
        this.history = history;
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
        if (page < 0 || size < 1 || size > 200) {
            throw new BadRequestException("page must be 0 or more and size between 1 and 200");
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw new BadRequestException("kind must be one of " + KINDS + ", not '" + kind + "'");
        }
        StoredDocument list = list(slug);
        List<VersionRow> rows = history.versions(list.listId(),
                new ListHistory.Filter(actor, instant("from", from), instant("to", to), kind), page * size, size + 1);
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
        StoredDocument list = list(slug);
        String diff = UnifiedDiff.between(slug + ".md", MarkdownWriter.write(at(list, from)), MarkdownWriter.write(at(list, to)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DIFF + ";charset=UTF-8")).body(diff);
    }

    @GetMapping(path = "/api/lists/{slug}/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    StructuralDiff structuralDiff(@PathVariable String slug, @RequestParam long from, @RequestParam long to) {
        StoredDocument list = list(slug);
        DocumentDiff diff = DocumentDiff.between(at(list, from), at(list, to));
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
        ListDocument document = history.documentAt(list.listId(), list.version())
                .orElseThrow(() -> NotFoundException.list(slug));
        Map<String, Long> changed = history.lastChanges(list.listId());
        Map<Long, String> actors = history.actors(list.listId());
        List<BlameLine> lines = new ArrayList<>();
        document.preamble().forEach(b -> add(lines, b.raw(), changed.getOrDefault(b.id(), 1L), actors));
        blame(document.sections(), changed, actors, lines);
        return Map.of("items", lines);
    }

    private static void blame(List<Section> sections, Map<String, Long> changed, Map<Long, String> actors, List<BlameLine> lines) {
        for (Section section : sections) {
            add(lines, section.heading(), changed.getOrDefault(section.id(), 1L), actors);
            section.blocks().forEach(b -> add(lines, b.raw(), changed.getOrDefault(b.id(), 1L), actors));
            blame(section.sections(), changed, actors, lines);
        }
    }

    private static void add(List<BlameLine> lines, String raw, long version, Map<Long, String> actors) {
        for (String line : Lines.split(raw)) {
            lines.add(new BlameLine(lines.size() + 1, version, actors.get(version), Lines.content(line)));
        }
    }

    record BlameLine(int line, long version, String actor, String text) {
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
        return history.documentAt(list.listId(), version)
                .orElseThrow(() -> new NotFoundException("list '" + list.slug() + "' has no version " + version
                        + " (current: " + list.version() + ")"));
    }

    private StoredDocument list(String slug) {
        return lists.bySlug(slug).orElseThrow(() -> NotFoundException.list(slug));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-11-23T09:00:00Z, not '" + value + "'");
        }
    }
}

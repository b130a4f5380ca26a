package dev.curation.query.history.web;

import dev.curation.query.history.ChangeFeed;
import dev.curation.query.history.EntryBlame;
import dev.curation.query.history.ItemHistory;
import dev.curation.query.history.ItemHistory.ItemVersion;
import dev.curation.query.history.ListBlame;
import dev.curation.query.history.ListBlame.BlameLine;
import dev.curation.query.history.ListHistory;
import dev.curation.query.history.ListMembers;
import dev.curation.query.history.ListHistory.VersionRow;
import dev.curation.query.history.VersionKind;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.web.NotFoundException;
import dev.curation.query.web.QueryParameters;
import dev.curation.service.PublicBaseUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
class HistoryController {

    /** Actors are account names, or a commit's author as git names them ("Name <email>"); anything longer is neither. */
    private static final int MAX_ACTOR = 500;
    private static final int MAX_SIZE = 200;

    private final ListStore lists;
    private final ListHistory history;
    private final ItemHistory items;
    private final ListBlame blames;
    private final EntryBlame entryBlames;
    private final ChangeFeed feeds;
    private final ListMembers members;
    /** Where links point: configuration, never the request's Host (a shared cache would keep it for everyone). */
    private final PublicBaseUrl self;

    HistoryController(ListStore lists, ListHistory history, ItemHistory items, ListBlame blames, EntryBlame entryBlames,
                      ChangeFeed feeds, ListMembers members, PublicBaseUrl self) {
        this.entryBlames = entryBlames;
        this.members = members;
        this.self = self;
        this.lists = lists;
        this.history = history;
        this.items = items;
        this.blames = blames;
        this.feeds = feeds;
    }

    record HistoryPage(List<VersionRow> items, int page, int size, String next) {
    }

    @Operation(summary = "Who may do what on the list: its members with their roles (owner, curator, contributor), and "
            + "every membership change, who made it and when; accounts not named have their global role")
    @GetMapping(path = "/api/lists/{slug}/members", produces = MediaType.APPLICATION_JSON_VALUE)
    ListMembers.View members(@PathVariable String slug) {
        return members.of(list(slug).listId());
    }

    @Operation(summary = "Versions of a list, newest first, with who, when, what (a sentence) and why")
    @GetMapping(path = "/api/lists/{slug}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    HistoryPage history(@PathVariable String slug,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size,
                        @RequestParam(required = false) String actor,
                        @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) Instant from,
                        @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) Instant to,
                        @Parameter(description = "what made the version", schema = @Schema(type = "string",
                                allowableValues = {"import", "edit", "proposal", "revert", "commit"}))
                        @RequestParam(required = false) VersionKind kind,
                        HttpServletRequest request) {
        QueryParameters.between("page", page, 0, QueryParameters.MAX_PAGE);
        QueryParameters.between("size", size, 1, MAX_SIZE);
        ListHistory.Filter filter = new ListHistory.Filter(QueryParameters.text("actor", actor, MAX_ACTOR), from, to, kind);
        StoredDocument list = list(slug);
        // page and size are bounded above, so the offset cannot overflow
        List<VersionRow> rows = history.versions(list.listId(), filter, page * size, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            String query = request.getQueryString();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            next = UriComponentsBuilder.fromUriString(self.base() + path + (query == null ? "" : "?" + query))
                    .replaceQueryParam("page", page + 1).build().toUriString();
        }
        return new HistoryPage(rows, page, size, next);
    }

    @Operation(summary = "One version of a list: the same row as an item of its history (who, when, what, why)",
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = VersionRow.class))),
                    @ApiResponse(responseCode = "400", description = "version not a number of 1 or more"),
                    @ApiResponse(responseCode = "404", description = "no such list, or no such version of it")})
    @GetMapping(path = "/api/lists/{slug}/history/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    VersionRow version(@PathVariable String slug, @Parameter(example = "2") @PathVariable long version) {
        QueryParameters.version("version", version);
        StoredDocument list = list(slug);
        return history.version(list.listId(), version).orElseThrow(() -> new NotFoundException(
                "list '" + slug + "' has no version " + version + " (current: " + list.version() + ")"));
    }

    @Operation(summary = "The versions that changed an entry (or section, or text), newest first, across moves")
    @GetMapping(path = "/api/lists/{slug}/entries/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<ItemVersion>> itemHistory(@PathVariable String slug, @PathVariable String id) {
        List<ItemVersion> versions = items.of(list(slug).listId(), id);
        if (versions.isEmpty()) {
            throw new NotFoundException("list '" + slug + "' has no entry, section or text with id '" + id + "'");
        }
        return Map.of("items", versions);
    }

    @Operation(summary = "For each line of the current Markdown, the version and actor that last touched it")
    @GetMapping(path = "/api/lists/{slug}/blame", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<BlameLine>> blame(@PathVariable String slug) {
        StoredDocument list = list(slug);
        return Map.of("items", blames.at(list.listId(), list.version()).orElseThrow(() -> NotFoundException.list(slug)));
    }

    @Operation(summary = "For each entry of the current version, in document order: the version that created it and the "
            + "last version that changed it (moves included), whose change each was and the proposal it came through")
    @GetMapping(path = "/api/lists/{slug}/entries/blame", produces = MediaType.APPLICATION_JSON_VALUE)
    EntryBlame.Blame entryBlame(@PathVariable String slug) {
        StoredDocument list = list(slug);
        return entryBlames.at(list.listId(), list.version()).orElseThrow(() -> NotFoundException.list(slug));
    }

    @Operation(summary = "An Atom 1.0 feed of the list's changes")
    @GetMapping(path = "/api/lists/{slug}/feed.atom", produces = "application/atom+xml")
    ResponseEntity<String> feed(@PathVariable String slug) {
        StoredDocument list = list(slug);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(feeds.atom(list.listId(), slug, self.base()));
    }

    private StoredDocument list(String slug) {
        return lists.bySlug(slug).orElseThrow(() -> NotFoundException.list(slug));
    }
}

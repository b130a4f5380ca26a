package dev.curation.query.list.web;

import dev.curation.query.history.ListHistory;
import dev.curation.query.links.LinkReports;
import dev.curation.query.list.GitImport;
import dev.curation.query.list.ListStore;
import dev.curation.query.list.ListStructure;
import dev.curation.query.list.ListSummary;
import dev.curation.query.list.RenderedLists;
import dev.curation.query.list.RenderedLists.Rendered;
import dev.curation.query.list.StoredDocument;
import dev.curation.query.web.BadRequestException;
import dev.curation.query.web.NotFoundException;
import dev.curation.query.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
class ListController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown; charset=UTF-8");

    private final ListStore lists;
    private final RenderedLists rendered;
    private final ListHistory history;
    private final LinkReports linkHealth;
    private final JsonMapper json;

    ListController(ListStore lists, RenderedLists rendered, ListHistory history, LinkReports linkHealth, JsonMapper json) {
        this.json = json;
        this.lists = lists;
        this.rendered = rendered;
        this.history = history;
        this.linkHealth = linkHealth;
    }

    @Operation(summary = "All lists, by slug, each with its open proposals, the lint errors and warnings of its current "
            + "version and its dead links")
    @GetMapping(path = "/api/lists", produces = MediaType.APPLICATION_JSON_VALUE)
    Page<ListSummary> all() {
        return new Page<>(lists.all());
    }

    @Operation(summary = "A list's structure: sections and entries with their stable ids, its version, and its change "
            + "stream's position (streamPosition) to follow it from there; a past version with ?version= or ?at= "
            + "(time travel)",
            description = "Link health (links) and the stream position are today's, so they are added to the current "
                    + "version only. A past version not yet read waits for the read gate as the other past-version reads do.",
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ListStructure.class))),
                    @ApiResponse(responseCode = "400", description = "version not a number of 1 or more, at not an "
                            + "ISO-8601 instant, or both given"),
                    @ApiResponse(responseCode = "404", description = "no such list, or no such version of it"),
                    @ApiResponse(responseCode = "409", description = IMPORTING),
                    @ApiResponse(responseCode = "503", description = "too many expensive reads at once (Retry-After)")})
    @GetMapping(path = "/api/lists/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> structure(@Parameter(example = "distributed-systems-notes") @PathVariable String slug,
                                     @Parameter(description = "a past version") @RequestParam(required = false) Long version,
                                     @Parameter(description = "an ISO-8601 instant: the version current then")
                                     @RequestParam(required = false) Instant at) {
        if (version != null || at != null) {
            checkOne(version, at);
        }
        // the version and the stream position come from one row: a client resuming there misses nothing after it
        ListStore.Current current = current(slug, version, at);
        StoredDocument stored = current.list();
        long wanted = wanted(stored, version, at);
        // rendered once per version, then served from memory
        Rendered list = rendered.at(stored, wanted).orElseThrow(() -> noVersion(stored, wanted));
        return wanted == stored.version() ? current(list, current)
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(list.structure());
    }

    /**
     * The current version: link health added if any link is not ok, the stream position, and for a
     * list from git its import and bridge.
     */
    private ResponseEntity<byte[]> current(Rendered list, ListStore.Current current) {
        byte[] links = linkHealth.notOk(list.listId());
        byte[] structure = links.length == 0 ? list.structure() : ListStructure.withLinks(list.structure(), links);
        if (current.gitImport() != null) {
            structure = ListStructure.with(structure, "import", json.writeValueAsBytes(current.gitImport()));
        }
        if (current.git() != null) {
            structure = ListStructure.with(structure, "git", json.writeValueAsBytes(current.git()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(ListStructure.withStreamPosition(structure, current.list().lastSequence()));
    }

    /**
     * The list, refused with 409 when the current version is asked for (no {@code version}, no
     * {@code at}) while its git history is still being imported.
     */
    private ListStore.Current current(String slug, @Nullable Long version, @Nullable Instant at) {
        ListStore.Current current = lists.current(slug).orElseThrow(() -> NotFoundException.list(slug));
        GitImport state = current.gitImport();
        if (version == null && at == null && state != null && state.importing()) {
            throw new StillImporting(slug, state);
        }
        return current;
    }

    static final String IMPORTING = "the list's git history is still being imported (type importing; the detail says how "
            + "far): its current version is served once the import is complete, its versions with ?version= or ?at= "
            + "meanwhile";

    @Operation(summary = "The list as Markdown, byte-identical to the imported file where nothing was edited")
    @ApiResponse(responseCode = "409", description = IMPORTING)
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "an ETag of this text: 304 when it still matches",
            schema = @Schema(type = "string"))
    @GetMapping(path = "/api/lists/{slug}/markdown", produces = {"text/markdown", MediaType.ALL_VALUE})
    ResponseEntity<byte[]> markdown(@PathVariable String slug,
                                    @Parameter(description = "a past version") @RequestParam(required = false) Long version,
                                    @Parameter(description = "an ISO-8601 instant: the version current then")
                                    @RequestParam(required = false) Instant at) {
        checkOne(version, at);
        StoredDocument list = current(slug, version, at).list();
        long wanted = wanted(list, version, at);
        Rendered export = rendered.at(list, wanted).orElseThrow(() -> noVersion(list, wanted));
        // Spring answers 304 for a matching If-None-Match (weak comparison, lists, *) from this ETag
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .eTag(export.etag())
                .header("X-List-Version", Long.toString(export.version()))
                .body(export.markdown());
    }

    /** The version a read asks for: {@code version}, the one current {@code at}, or the current one. */
    private long wanted(StoredDocument list, Long version, Instant at) {
        if (version != null) {
            return version;
        }
        return at != null ? past(list, at) : list.version();
    }

    /** Checked before the list is looked up: a bad request is 400 whether or not the list exists. */
    private static void checkOne(Long version, Instant at) {
        if (version != null && at != null) {
            throw new BadRequestException("give either version or at, not both");
        }
        if (version != null) {
            QueryParameters.version("version", version);
        }
    }

    private static NotFoundException noVersion(StoredDocument list, long wanted) {
        return new NotFoundException("list '" + list.slug() + "' has no version " + wanted + " (current: " + list.version() + ")");
    }

    /** The version current at an instant. */
    private long past(StoredDocument list, Instant at) {
        return history.versionAt(list.listId(), at).orElseThrow(() -> new NotFoundException(
                "list '" + list.slug() + "' did not exist at " + at));
    }

    record Page<T>(List<T> items) {
    }
}

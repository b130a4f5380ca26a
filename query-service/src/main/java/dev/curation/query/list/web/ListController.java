package dev.curation.query.list.web;

import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.query.history.ListHistory;
import dev.curation.query.list.ListStore;
import dev.curation.query.web.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.RequestParam;
import dev.curation.query.list.ListStructure;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.curation.query.list.ListSummary;
import dev.curation.query.list.MarkdownExport;
import dev.curation.query.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ListController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown; charset=UTF-8");

    private final ListStore lists;
    private final ListHistory history;

    ListController(ListStore lists, ListHistory history) {
        this.lists = lists;
        this.history = history;
    }

    @Operation(summary = "All lists, by slug")
    @GetMapping(path = "/api/lists", produces = MediaType.APPLICATION_JSON_VALUE)
    Page<ListSummary> all() {
        return new Page<>(lists.all());
    }

    @Operation(summary = "A list's structure: sections and entries with their stable ids, and its version",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ListStructure.class))))
    @GetMapping(path = "/api/lists/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> structure(@Parameter(example = "distributed-systems-notes") @PathVariable String slug) {
        // stored as JSON when the version completed; served as is
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(lists.structure(slug).orElseThrow(() -> NotFoundException.list(slug)));
    }

    @Operation(summary = "The list as Markdown, byte-identical to the imported file where nothing was edited")
    @GetMapping(path = "/api/lists/{slug}/markdown", produces = {"text/markdown", MediaType.ALL_VALUE})
    ResponseEntity<byte[]> markdown(@PathVariable String slug,
                                    @Parameter(description = "a past version") @RequestParam(required = false) Long version,
                                    @Parameter(description = "an ISO-8601 instant: the version current then")
                                    @RequestParam(required = false) String at,
                                    @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        MarkdownExport export = lists.markdown(slug).orElseThrow(() -> NotFoundException.list(slug));
        if (version != null || at != null) {
            export = past(slug, export, version, at);
        }
        if (export.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(export.etag()).build();
        }
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .eTag(export.etag())
                .header("X-List-Version", Long.toString(export.version()))
                .body(export.markdown());
    }

    private MarkdownExport past(String slug, MarkdownExport current, Long version, String at) {
        if (version != null && at != null) {
            throw new BadRequestException("give either version or at, not both");
        }
        long wanted;
        if (version != null) {
            wanted = version;
        } else {
            Instant instant;
            try {
                instant = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new BadRequestException("at must be an ISO-8601 instant such as 2026-11-23T09:00:00Z, not '" + at + "'");
            }
            wanted = history.versionAt(current.listId(), instant).orElseThrow(() -> new NotFoundException(
                    "list '" + slug + "' did not exist at " + at));
        }
        if (wanted == current.version()) {
            return current;
        }
        ListDocument document = history.documentAt(current.listId(), wanted).orElseThrow(() -> new NotFoundException(
                "list '" + slug + "' has no version " + wanted + " (current: " + current.version() + ")"));
        byte[] bytes = MarkdownWriter.write(document).getBytes(StandardCharsets.UTF_8);
        return new MarkdownExport(current.listId(), wanted, bytes, ListStore.etag(bytes));
    }

    record Page<T>(List<T> items) {
    }
}

package dev.curation.query.list.web;

import dev.curation.query.list.ListStore;
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

    ListController(ListStore lists) {
        this.lists = lists;
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
                                    @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        MarkdownExport export = lists.markdown(slug).orElseThrow(() -> NotFoundException.list(slug));
        if (export.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(export.etag()).build();
        }
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .eTag(export.etag())
                .header("X-List-Version", Long.toString(export.version()))
                .body(export.markdown());
    }

    record Page<T>(List<T> items) {
    }
}

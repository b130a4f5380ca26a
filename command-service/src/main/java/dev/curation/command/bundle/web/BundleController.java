package dev.curation.command.bundle.web;

import dev.curation.command.bundle.BundleExport;
import dev.curation.command.bundle.BundleFormat;
import dev.curation.command.bundle.BundleImport;
import dev.curation.command.list.ListCommandBatcher.Commit;
import dev.curation.command.list.web.ListCommands;
import dev.curation.command.web.ImportProperties;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.Slug;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A list's portable bundle out ({@code GET .../export}) and in (an NDJSON {@code POST /api/lists}). */
@RestController
class BundleController {

    private final ListCommands commands;
    private final BundleExport export;
    private final BundleImport bundles;
    private final ImportProperties properties;

    BundleController(ListCommands commands, BundleExport export, BundleImport bundles, ImportProperties properties) {
        this.commands = commands;
        this.export = export;
        this.bundles = bundles;
        this.properties = properties;
    }

    @Operation(summary = "Export the list with its whole history as a portable bundle (the list's curators)",
            description = "NDJSON: a header, every stored event of the list in order, then the SHA-256 of those lines. "
                    + "Streamed as the event store is read. No secret is in any event.",
            responses = {@ApiResponse(responseCode = "200", description = "the bundle"),
                    @ApiResponse(responseCode = "403", description = "not a curator of the list"),
                    @ApiResponse(responseCode = "404", description = "no such list")})
    @GetMapping(path = "/api/lists/{slug}/export", produces = BundleFormat.MEDIA_TYPE)
    void export(@PathVariable String slug, Authentication user, HttpServletResponse response) throws IOException {
        String listId = commands.listId(slug);
        commands.send(new ListCommand.CheckRole(listId, ListRole.CURATOR, "export the list"), user, Commit.NOTHING);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(BundleFormat.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + slug + ".ndjson\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // a failure half-way leaves a bundle without its checksum line, which no import takes
        export.write(listId, slug, response.getOutputStream());
    }

    @Operation(summary = "Import a list bundle as a new list with its whole history (global curators)",
            description = "The body is a bundle from GET /api/lists/{slug}/export, of this or another installation. "
                    + "Every event is checked to fold before anything is stored; then all are stored, or none. "
                    + "The importer becomes an owner; the list's webhooks and git bridge are removed.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "imported; Location is the list on the query service"),
                    @ApiResponse(responseCode = "400", description = "not a bundle, checksum differs, events that do not "
                            + "fold, an unknown event type or a payload that does not deserialize (field names which)"),
                    @ApiResponse(responseCode = "409", description = "slug already taken"),
                    @ApiResponse(responseCode = "413", description = "over curation.import.max-bundle-size or "
                            + "curation.import.max-bundle-events")})
    @PostMapping(path = "/api/lists", consumes = BundleFormat.MEDIA_TYPE)
    ResponseEntity<Imported> importBundle(
            @Parameter(description = "name of the new list in URLs", example = "distributed-systems-notes")
            @RequestParam(required = false) String slug,
            HttpServletRequest request, Authentication user) throws IOException {
        Slug.check(slug);
        BundleImport.Imported imported = bundles.importBundle(request.getInputStream(), slug, user.getName());
        URI location = properties.queryBaseUrl().resolve("/api/lists/" + slug);
        return ResponseEntity.created(location)
                .body(new Imported(imported.listId(), imported.slug(), imported.version(), imported.events()));
    }

    record Imported(String id, String slug, long version, long events) {
    }
}

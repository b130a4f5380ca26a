package dev.curation.command.list.web;

import dev.curation.command.list.EventMetadata;
import dev.curation.command.web.ImportProperties;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.Slug;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ListImportController {

    static final String MARKDOWN = "text/markdown";

    private final CommandGateway commands;
    private final ImportProperties properties;

    ListImportController(CommandGateway commands, ImportProperties properties) {
        this.commands = commands;
        this.properties = properties;
    }

    @Operation(summary = "Import a Markdown list as a new event-sourced list",
            description = "The body is the Markdown file, sent as-is (UTF-8). Curators only.",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MARKDOWN,
                    examples = @ExampleObject("## Tools\n- [Kafka](https://kafka.apache.org/)\n"))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "imported; Location is the list on the query service"),
                    @ApiResponse(responseCode = "400", description = "bad slug, empty body or invalid UTF-8"),
                    @ApiResponse(responseCode = "409", description = "slug already taken"),
                    @ApiResponse(responseCode = "413", description = "body over curation.import.max-size")})
    // not text/plain: a page on another site can post that (a form, or fetch without a preflight)
    @PostMapping(path = "/api/lists", consumes = {MARKDOWN, "text/x-markdown"})
    ResponseEntity<ImportedList> importList(
            @Parameter(description = "name of the list in URLs", example = "distributed-systems-notes")
            @RequestParam(required = false) String slug,
            HttpServletRequest request, Authentication user) throws IOException {
        Slug.check(slug);
        String markdown = MarkdownBody.read(request.getInputStream(), request.getContentLengthLong(),
                properties.maxSize().toBytes());
        String listId = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ImportList(listId, slug, markdown))
                .andMetaData(EventMetadata.of(user)));
        URI location = properties.queryBaseUrl().resolve("/api/lists/" + slug);
        return ResponseEntity.created(location).body(new ImportedList(listId, slug, 1));
    }

    record ImportedList(String id, String slug, long version) {
    }
}

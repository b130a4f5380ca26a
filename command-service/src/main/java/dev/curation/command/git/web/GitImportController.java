package dev.curation.command.git.web;

import dev.curation.command.git.GitImports;
import dev.curation.command.list.web.ListCommands;
import dev.curation.command.web.ImportProperties;
import dev.curation.command.web.NotFoundException;
import dev.curation.core.input.InputException;
import dev.curation.core.list.GitLocation;
import dev.curation.core.list.Slug;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A list imported with its git history: started here, carried on in the background, followed on its import resource. */
@RestController
class GitImportController {

    private final GitImports imports;
    private final ListCommands commands;
    private final ImportProperties properties;

    GitImportController(GitImports imports, ListCommands commands, ImportProperties properties) {
        this.imports = imports;
        this.commands = commands;
        this.properties = properties;
    }

    /** {@code {"git": {"repository", "branch", "path", "credentials": {"username", "password"}}}}. */
    record ImportRequest(@Nullable GitFile git) {
    }

    record GitFile(@Nullable String repository, @Nullable String branch, @Nullable String path,
                   @Nullable GitCredentialsBody credentials) {
    }

    @Operation(summary = "Import a list with its git history",
            description = "Clones the repository, imports the file's first version at once and every later commit that "
                    + "changed it in the background, one version each, credited to its author at its date. Curators only.",
            responses = {
                    @ApiResponse(responseCode = "202", description = "importing; Location is the import's progress"),
                    @ApiResponse(responseCode = "400", description = "bad slug, repository, branch or path"),
                    @ApiResponse(responseCode = "409", description = "slug already taken"),
                    @ApiResponse(responseCode = "502", description = "the repository could not be cloned")})
    @PostMapping(path = "/api/lists", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportView> importFromGit(
            @Parameter(description = "name of the list in URLs") @RequestParam(required = false) String slug,
            @RequestBody ImportRequest request, Authentication user) {
        Slug.check(slug);
        GitFile git = request.git();
        if (git == null) {
            throw new InputException.Invalid("git", "is required: {\"repository\", \"branch\", \"path\"} (send Markdown "
                    + "as text/markdown to import a file)");
        }
        GitLocation location = GitLocation.of(git.repository(), git.branch(), git.path());
        GitImports.Progress progress = imports.begin(slug, location, GitCredentialsBody.of(git.credentials()), user);
        return ResponseEntity.accepted().location(URI.create("/api/lists/" + slug + "/git/import"))
                .body(ImportView.of(progress, properties.queryBaseUrl().resolve("/api/lists/" + slug)));
    }

    @Operation(summary = "How far a list's git history import is")
    @GetMapping("/api/lists/{slug}/git/import")
    ImportView progress(@PathVariable String slug) {
        String listId = commands.listId(slug);
        return imports.progress(listId).map(p -> ImportView.of(p, properties.queryBaseUrl().resolve("/api/lists/" + slug)))
                .orElseThrow(() -> new NotFoundException("list " + slug + " was not imported from git"));
    }
}

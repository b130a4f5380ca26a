package dev.curation.command.git.web;

import dev.curation.command.git.GitAccess;
import dev.curation.command.git.GitBridges;
import dev.curation.command.git.GitCredentials;
import dev.curation.command.git.GitSync;
import dev.curation.command.git.ListVersions;
import dev.curation.command.list.ListCommandBatcher.Commit;
import dev.curation.command.list.web.ListCommands;
import dev.curation.command.web.NotFoundException;
import dev.curation.core.input.InputException;
import dev.curation.core.list.GitLocation;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRole;
import dev.curation.git.RemoteAccess;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A list's git bridge: set by its owners (an event, in the history of its settings; credentials
 * in their own table), read by its curators with where the sync stands.
 */
@RestController
class GitBridgeController {

    private final ListCommands commands;
    private final GitBridges bridges;
    private final GitCredentials credentials;
    private final GitAccess access;
    private final GitSync sync;
    private final ListVersions versions;

    GitBridgeController(ListCommands commands, GitBridges bridges, GitCredentials credentials, GitAccess access,
                        GitSync sync, ListVersions versions) {
        this.commands = commands;
        this.bridges = bridges;
        this.credentials = credentials;
        this.access = access;
        this.sync = sync;
        this.versions = versions;
    }

    record BridgeRequest(@Nullable String repository, @Nullable String branch, @Nullable String path,
                         @Nullable Boolean publish, @Nullable Boolean pull, @Nullable GitCredentialsBody credentials) {
    }

    /** Where a bridge stands, as answered: never its credentials (only whether there are some). */
    record BridgeView(String repository, String branch, String path, boolean publish, boolean pull, boolean credentials,
                      String state, @Nullable String lastCommit, @Nullable Long lastVersion, @Nullable String remoteHead,
                      long unpublishedVersions, @Nullable String lastError, int failures, @Nullable Instant lastAttemptAt,
                      @Nullable Instant nextAttemptAt) {
    }

    record AlignRequest(@Nullable String take) {
    }

    @Operation(summary = "Connect the list to a file in git (owners)",
            description = "publish: every version accepted here becomes a commit there; pull: commits there become "
                    + "versions here. Credentials, when given, are kept apart and never answered.")
    @PutMapping(path = "/api/lists/{slug}/git", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public BridgeView set(@PathVariable String slug, @RequestBody BridgeRequest body, Authentication user,
                          HttpServletRequest request) {
        String listId = commands.listId(slug);
        GitLocation location = GitLocation.of(body.repository(), body.branch(), body.path());
        access.check(location);
        RemoteAccess.Credentials given = GitCredentialsBody.of(body.credentials());
        commands.send(new ListCommand.SetGitBridge(listId, location.repository(), location.branch(), location.path(),
                body.publish(), body.pull()), user, Commit.IN_CALLERS_TRANSACTION);
        bridges.set(listId, location, Boolean.TRUE.equals(body.publish()), Boolean.TRUE.equals(body.pull()));
        if (given != null) {
            credentials.save(listId, given);
        }
        afterCommit(listId);
        return view(listId);
    }

    @Operation(summary = "The list's git bridge and where it stands (the list's curators)")
    @GetMapping("/api/lists/{slug}/git")
    BridgeView get(@PathVariable String slug, Authentication user, HttpServletRequest request) {
        String listId = commands.listId(slug);
        commands.send(new ListCommand.CheckRole(listId, ListRole.CURATOR, "read the list's git bridge"), user, Commit.NOTHING);
        return view(listId);
    }

    @Operation(summary = "Disconnect the list from git (owners)")
    @DeleteMapping("/api/lists/{slug}/git")
    @Transactional
    public ResponseEntity<Void> remove(@PathVariable String slug, Authentication user) {
        String listId = commands.listId(slug);
        commands.send(new ListCommand.RemoveGitBridge(listId), user, Commit.IN_CALLERS_TRANSACTION);
        bridges.remove(listId);
        credentials.remove(listId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Bring the list and its file together after the fidelity gate stopped the bridge (owners)",
            description = "take \"list\": one commit, reviewed by you, makes the file the list's export; take \"branch\": "
                    + "the file becomes the list's next version, credited to its last author.")
    @PostMapping(path = "/api/lists/{slug}/git/align", consumes = MediaType.APPLICATION_JSON_VALUE)
    BridgeView align(@PathVariable String slug, @RequestBody AlignRequest body, Authentication user) {
        String listId = commands.listId(slug);
        commands.send(new ListCommand.CheckRole(listId, ListRole.OWNER, "align the list with git"), user, Commit.NOTHING);
        String take = body.take();
        if (!"list".equals(take) && !"branch".equals(take)) {
            throw new InputException.Invalid("take", "must be \"list\" (commit the list over the file) or \"branch\" "
                    + "(make the file the next version here)");
        }
        bridges.of(listId).orElseThrow(() -> new NotFoundException("list " + slug + " has no git bridge"));
        sync.align(listId, "list".equals(take), user.getName());
        return view(listId);
    }

    private void afterCommit(String listId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sync.wake(listId);
            }
        });
    }

    private BridgeView view(String listId) {
        GitBridges.Bridge b = bridges.of(listId).orElseThrow(() -> new NotFoundException("the list has no git bridge"));
        long unpublished = b.lastVersion() == null ? 0 : Math.max(0,
                versions.current(listId) - b.lastVersion());
        // versions accepted since the last sync are not in git yet, whatever the last sync found
        String state = unpublished > 0 && b.state().equals(GitBridges.State.IN_SYNC.wire()) ? GitBridges.State.AHEAD.wire()
                : b.state();
        return new BridgeView(b.location().repository(), b.location().branch(), b.location().path(), b.publish(), b.pull(),
                credentials.of(listId).isPresent(), state, b.lastCommit(), b.lastVersion(), b.remoteHead(), unpublished,
                b.lastError(), b.failures(), b.lastAttemptAt(), b.nextAttemptAt());
    }
}

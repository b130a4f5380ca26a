package dev.curation.command.git;

import dev.curation.command.list.EventMetadata;
import dev.curation.core.input.InputException;
import dev.curation.core.list.GitLocation;
import dev.curation.core.list.GitSource;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListCommand;
import dev.curation.git.BareClone;
import dev.curation.git.FileHistory;
import dev.curation.git.FileVersion;
import dev.curation.git.GitBridgeException;
import dev.curation.git.HistoryWalk;
import dev.curation.git.RemoteAccess;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Imports a list's history from git: the first version at once (so the list exists when the
 * request is answered), every later commit of the file in the background, one version each, in
 * order, credited to its author. Where it stands is kept in {@code git_import}; an import
 * interrupted by a crash resumes after the last commit it recorded, and a commit sent twice is
 * answered with the version it already is (the list knows its commits), so nothing is doubled.
 * The list says it is importing until the last commit is in.
 */
@Component
public class GitImports implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(GitImports.class);

    /** Where one import stands. */
    public record Progress(String listId, String slug, String state, String repository, String branch, String path,
                           int commits, int done, int skipped, @Nullable String lastCommit, @Nullable String lastError,
                           String startedBy, Instant startedAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final CommandGateway gateway;
    private final BridgeCommands bridge;
    private final GitAccess access;
    private final GitCredentials credentials;
    private final GitProperties properties;
    private final Counter imported;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile @Nullable ScheduledExecutorService workers;

    GitImports(JdbcClient jdbc, CommandGateway gateway, BridgeCommands bridge, GitAccess access, GitCredentials credentials,
               GitProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.bridge = bridge;
        this.access = access;
        this.credentials = credentials;
        this.properties = properties;
        this.imported = Counter.builder("curation.git.import.commits").description("commits imported as versions")
                .register(meters);
    }

    /**
     * Clones {@code location}, imports its first version as the list {@code slug} by {@code user}
     * and goes on in the background.
     *
     * @throws InputException naming the field when the repository, branch or path will not do
     */
    public Progress begin(String slug, GitLocation location, RemoteAccess.@Nullable Credentials given, Authentication user) {
        access.check(location);
        String listId = UUID.randomUUID().toString();
        try (BareClone clone = clone(location, given)) {
            FileHistory history = FileHistory.of(clone.repository(), location.branch(), location.path());
            try (HistoryWalk walk = history.walk()) {
                int total = walk.total();
                int skipped = 0;
                while (walk.hasNext()) {
                    FileVersion first = walk.next();
                    Optional<String> text = GitCommits.text(first);
                    if (text.isEmpty()) {
                        skipped++;
                        continue;
                    }
                    ImportList command = new ImportList(listId, slug, text.get(), GitCommits.of(first),
                            new GitSource(location.repository(), location.branch(), location.path(), total));
                    gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(EventMetadata.of(user)));
                    imported.increment();
                    if (given != null) {
                        credentials.save(listId, given);
                    }
                    Timestamp now = Timestamp.from(Instant.now());
                    jdbc.sql("""
                            INSERT INTO git_import (list_id, slug, repository, branch, path, state, commits, done, skipped,
                                last_commit, started_by, started_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, 'running', ?, 1, ?, ?, ?, ?, ?)""")
                            .params(listId, slug, location.repository(), location.branch(), location.path(), total, skipped,
                                    first.commitId(), user.getName(), now, now).update();
                    if (walk.hasNext()) {
                        schedule(listId, Duration.ZERO);
                    } else {
                        finish(listId, first.commitId());
                    }
                    return progress(listId).orElseThrow();
                }
                throw new InputException.Invalid("path", "no version of " + location.path() + " on " + location.branch()
                        + " is UTF-8 text: nothing to import");
            }
        }
    }

    /** A clone; a local folder that is no repository is the caller's mistake (400), a remote that fails is not. */
    private BareClone clone(GitLocation location, RemoteAccess.@Nullable Credentials given) {
        try {
            return BareClone.of(location.repository(), location.branch(), access.access(location, given));
        } catch (GitBridgeException e) {
            if (location.isLocal() && e.reason() == GitBridgeException.Reason.CLONE_FAILED) {
                throw new InputException.Invalid("repository", "is not a git repository this service can read: "
                        + e.getMessage());
            }
            throw e;
        }
    }

    public Optional<Progress> progress(String listId) {
        return jdbc.sql("""
                        SELECT list_id, slug, state, repository, branch, path, commits, done, skipped, last_commit,
                               last_error, started_by, started_at, updated_at
                        FROM git_import WHERE list_id = ?""").param(listId)
                .query((rs, n) -> new Progress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant()))
                .optional();
    }

    private void schedule(String listId, Duration delay) {
        ScheduledExecutorService pool = workers;
        if (pool != null && !pool.isShutdown()) {
            pool.schedule(() -> run(listId), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Imports the commits after the last one recorded, then finishes; on failure, tries again later. */
    void run(String listId) {
        if (!running.add(listId)) {
            return;
        }
        try {
            Progress at = progress(listId).orElse(null);
            if (at == null || !at.state().equals("running")) {
                return;
            }
            GitLocation location = GitLocation.of(at.repository(), at.branch(), at.path());
            RemoteAccess remote = access.access(location, credentials.of(listId).orElse(null));
            try (BareClone clone = BareClone.of(location.repository(), location.branch(), remote)) {
                FileHistory history = FileHistory.of(clone.repository(), location.branch(), location.path());
                String last = at.lastCommit();
                try (HistoryWalk walk = last == null ? history.walk() : history.walkAfter(last)) {
                    while (walk.hasNext()) {
                        if (workers == null) {
                            return;
                        }
                        FileVersion version = walk.next();
                        importOne(listId, version);
                        last = version.commitId();
                    }
                }
                if (last != null) {
                    finish(listId, last);
                }
            }
        } catch (GitBridgeException e) {
            if (e.reason() == GitBridgeException.Reason.RESUME_POINT_NOT_FOUND) {
                failed(listId, "the branch was rewritten while the import ran: " + e.getMessage());
            } else {
                retry(listId, String.valueOf(e.getMessage()));
            }
        } catch (RuntimeException e) {
            LOG.warn("git import of list {} failed; it will be retried", listId, e);
            retry(listId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            running.remove(listId);
        }
    }

    private void importOne(String listId, FileVersion version) {
        Optional<String> text = GitCommits.text(version);
        String skippedBecause = null;
        long listVersion = -1;
        if (text.isEmpty()) {
            skippedBecause = "not UTF-8";
        } else {
            try {
                listVersion = bridge.importCommit(new ListCommand.ImportCommit(listId, GitCommits.of(version), text.get(), null));
                imported.increment();
            } catch (InputException e) {
                skippedBecause = e.getMessage();
            }
        }
        if (skippedBecause != null) {
            LOG.info("git import of list {}: commit {} skipped ({})", listId, version.commitId(), skippedBecause);
            jdbc.sql("UPDATE git_import SET skipped = skipped + 1, last_commit = ?, updated_at = now() WHERE list_id = ?")
                    .params(version.commitId(), listId).update();
        } else {
            jdbc.sql("""
                    UPDATE git_import SET done = ?, last_commit = ?, failures = 0, last_error = NULL, updated_at = now()
                    WHERE list_id = ?""").params(listVersion, version.commitId(), listId).update();
        }
    }

    private void finish(String listId, String lastCommit) {
        bridge.finishImport(new ListCommand.FinishHistoryImport(listId, lastCommit));
        jdbc.sql("UPDATE git_import SET state = 'complete', last_error = NULL, updated_at = now() WHERE list_id = ?")
                .param(listId).update();
        LOG.info("git import of list {} complete at {}", listId, lastCommit);
    }

    private void retry(String listId, String error) {
        Integer failures = jdbc.sql("""
                UPDATE git_import SET failures = failures + 1, last_error = ?, updated_at = now() WHERE list_id = ?
                RETURNING failures""").params(error, listId).query(Integer.class).optional().orElse(1);
        long seconds = Math.min(properties.maxRetryDelay().toSeconds(), 5L << Math.min(failures - 1, 10));
        schedule(listId, Duration.ofSeconds(seconds));
    }

    private void failed(String listId, String error) {
        jdbc.sql("UPDATE git_import SET state = 'failed', last_error = ?, updated_at = now() WHERE list_id = ?")
                .params(error, listId).update();
    }

    @Override
    public void start() {
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("git-import-", 0)
                .daemon(true).factory());
        workers = pool;
        // imports a crash interrupted go on where they were
        List<String> interrupted = jdbc.sql("SELECT list_id FROM git_import WHERE state = 'running'")
                .query((rs, n) -> rs.getString(1)).list();
        interrupted.forEach(id -> schedule(id, Duration.ofSeconds(1)));
    }

    @Override
    public void stop() {
        ScheduledExecutorService pool = workers;
        workers = null;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return workers != null;
    }

    @Override
    public int getPhase() {
        // after the command batcher starts, before it stops
        return Integer.MAX_VALUE - 100;
    }
}

package dev.curation.command.git;

import dev.curation.core.list.GitLocation;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lists' bridges and where each stands ({@code git_bridge}): settings as the list's last
 * GitBridgeSet says, and the sync point, the last commit of the branch the list has taken in
 * (published or pulled) with the last version git has.
 */
@Component
public class GitBridges {

    /** States a bridge reports. */
    public enum State {
        IN_SYNC("in-sync"), BEHIND("behind"), AHEAD("ahead"), CONFLICT("conflict"), ERROR("error"), PAUSED("paused"),
        PENDING("pending");

        private final String wire;

        State(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public record Bridge(String listId, GitLocation location, boolean publish, boolean pull, String state,
                         @Nullable String lastCommit, @Nullable Long lastVersion, @Nullable String remoteHead,
                         @Nullable String lastError, int failures, @Nullable Instant lastAttemptAt,
                         @Nullable Instant nextAttemptAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    GitBridges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets a bridge; a new repository, branch or path forgets the sync point (the fidelity gate runs again). */
    public void set(String listId, GitLocation location, boolean publish, boolean pull) {
        Optional<Bridge> before = of(listId);
        boolean samePlace = before.map(b -> b.location().equals(location)).orElse(false);
        jdbc.sql("""
                INSERT INTO git_bridge (list_id, repository, branch, path, publish, pull, state, failures, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, now())
                ON CONFLICT (list_id) DO UPDATE SET repository = EXCLUDED.repository, branch = EXCLUDED.branch,
                    path = EXCLUDED.path, publish = EXCLUDED.publish, pull = EXCLUDED.pull, failures = 0,
                    next_attempt_at = NULL, updated_at = now()""")
                .params(listId, location.repository(), location.branch(), location.path(), publish, pull).update();
        if (!samePlace || before.map(b -> b.state().equals(State.PAUSED.wire())).orElse(false)) {
            jdbc.sql("""
                    UPDATE git_bridge SET last_commit = NULL, last_version = NULL, remote_head = NULL, state = 'pending',
                        last_error = NULL WHERE list_id = ?""").param(listId).update();
        }
    }

    public void remove(String listId) {
        jdbc.sql("DELETE FROM git_bridge WHERE list_id = ?").param(listId).update();
    }

    public Optional<Bridge> of(String listId) {
        return jdbc.sql("""
                SELECT list_id, repository, branch, path, publish, pull, state, last_commit, last_version, remote_head,
                       last_error, failures, last_attempt_at, next_attempt_at, updated_at
                FROM git_bridge WHERE list_id = ?""").param(listId).query((rs, n) -> new Bridge(rs.getString(1),
                        new GitLocation(rs.getString(2), rs.getString(3), rs.getString(4)), rs.getBoolean(5),
                        rs.getBoolean(6), rs.getString(7), rs.getString(8), (Long) rs.getObject(9), rs.getString(10),
                        rs.getString(11), rs.getInt(12), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)),
                        rs.getTimestamp(15).toInstant()))
                .optional();
    }

    /** Bridges to sync now: on, not paused, not waiting for a retry. */
    public List<String> due() {
        return jdbc.sql("""
                SELECT list_id FROM git_bridge WHERE (publish OR pull) AND state <> 'paused'
                  AND (next_attempt_at IS NULL OR next_attempt_at <= now()) ORDER BY list_id""")
                .query((rs, n) -> rs.getString(1)).list();
    }

    /** Where the list and the branch stand after a sync. */
    public void synced(String listId, @Nullable String commit, long version, @Nullable String head, State state,
                       @Nullable String note) {
        jdbc.sql("""
                UPDATE git_bridge SET last_commit = ?, last_version = ?, remote_head = ?, state = ?, last_error = ?,
                    failures = 0, last_attempt_at = now(), next_attempt_at = NULL, updated_at = now() WHERE list_id = ?""")
                .params(new Object[] {commit, version, head, state.wire(), note, listId}).update();
    }

    /** A state that waits for people (a conflict, a rewritten branch): no retry until the bridge is set again. */
    public void stopped(String listId, State state, String why, @Nullable String head) {
        jdbc.sql("""
                UPDATE git_bridge SET state = ?, last_error = ?, remote_head = ?, last_attempt_at = now(), updated_at = now()
                WHERE list_id = ?""").params(new Object[] {state.wire(), why, head, listId}).update();
    }

    /** A failed attempt: retried after {@code delay}. */
    public int failed(String listId, String error, Duration delay) {
        return jdbc.sql("""
                UPDATE git_bridge SET state = 'error', last_error = ?, failures = failures + 1, last_attempt_at = now(),
                    next_attempt_at = ?, updated_at = now() WHERE list_id = ? RETURNING failures""")
                .params(error, Timestamp.from(Instant.now().plus(delay)), listId).query(Integer.class).optional().orElse(0);
    }

    public int failures(String listId) {
        return of(listId).map(Bridge::failures).orElse(0);
    }

    public void published(String listId, long version, String commit) {
        jdbc.sql("INSERT INTO git_published (list_id, version, commit_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(listId, version, commit).update();
    }

    /** Counts by state, for health. */
    public List<Object[]> counts() {
        return jdbc.sql("SELECT state, count(*) FROM git_bridge GROUP BY state")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

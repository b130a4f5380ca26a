package dev.curation.query.list;

import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.GitBridgeRemoved;
import dev.curation.core.list.GitBridgeSet;
import dev.curation.core.list.GitSource;
import dev.curation.core.list.HistoryImported;
import dev.curation.core.list.ListImported;
import dev.curation.query.history.ListHistory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the list read model ({@code list_view}) and a list's applied document. */
@Repository
public class ListStore {

    private final JdbcClient jdbc;
    private final ListHistory history;

    ListStore(JdbcClient jdbc, ListHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /**
     * A list with its applied document, rebuilt from the newest snapshot and the events applied
     * after it (the projection keeps lists in memory; this is for the first batch after a start).
     */
    public Optional<StoredDocument> byId(String listId) {
        record Head(String id, String slug, long version, long lastSequence) {
        }
        Optional<Head> head = jdbc.sql("SELECT id, slug, version, last_sequence FROM list_view WHERE id = ?")
                .param(listId)
                .query((rs, n) -> new Head(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .optional();
        return head.map(h -> new StoredDocument(h.id(), h.slug(), h.version(), h.lastSequence(),
                history.fold(h.id(), Long.MAX_VALUE)));
    }

    /** A published list (at least one complete version): id, slug and version; its document is not loaded. */
    public Optional<StoredDocument> bySlug(String slug) {
        return jdbc.sql("SELECT id, slug, version, last_sequence FROM list_view WHERE slug = ? AND version > 0")
                .param(slug)
                .query((rs, n) -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), null))
                .optional();
    }

    /** A published list as {@link #bySlug} finds it, with its git import and bridge, if any. */
    public record Current(StoredDocument list, @Nullable GitImport gitImport, @Nullable GitBridge git) {
    }

    /** Import columns (5), then bridge columns (5), as {@link GitImport#read} and {@link GitBridge#read} take them. */
    private static final String GIT_COLUMNS = "import_repository, import_branch, import_path, import_commits, import_complete, "
            + "git_repository, git_branch, git_path, git_publish, git_pull";

    /** A published list with its git import and bridge: what the reads of its current version need, in one query. */
    public Optional<Current> current(String slug) {
        return jdbc.sql("SELECT id, slug, version, last_sequence, " + GIT_COLUMNS
                        + " FROM list_view WHERE slug = ? AND version > 0")
                .param(slug)
                .query((rs, n) -> new Current(new StoredDocument(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), null), GitImport.read(rs, 5, rs.getLong(3)), GitBridge.read(rs, 10)))
                .optional();
    }

    /**
     * Records what a list's git events say of it (other events are ignored): where its history is
     * imported from and when that is complete, and its bridge. Called in the projection's
     * transaction, after the list's row exists.
     */
    void git(EventEnvelope envelope) {
        switch (envelope.payload()) {
            case ListImported imported when imported.git() != null -> {
                GitSource git = imported.git();
                jdbc.sql("""
                                UPDATE list_view SET import_repository = ?, import_branch = ?, import_path = ?,
                                    import_commits = ?, import_complete = false WHERE id = ?""")
                        .params(git.repository(), git.branch(), git.path(), git.commits(), imported.listId()).update();
            }
            case HistoryImported done -> jdbc.sql("UPDATE list_view SET import_complete = true WHERE id = ?")
                    .param(done.listId()).update();
            case GitBridgeSet set -> jdbc.sql("""
                            UPDATE list_view SET git_repository = ?, git_branch = ?, git_path = ?, git_publish = ?, git_pull = ?
                            WHERE id = ?""")
                    .params(set.repository(), set.branch(), set.path(), set.publish(), set.pull(), set.listId()).update();
            case GitBridgeRemoved removed -> jdbc.sql("""
                            UPDATE list_view SET git_repository = NULL, git_branch = NULL, git_path = NULL, git_publish = NULL,
                                git_pull = NULL WHERE id = ?""")
                    .param(removed.listId()).update();
            default -> {
                // not about git
            }
        }
    }

    /** Every published list with its counters, in one query (the counts come from indexed per-list lookups). */
    public List<ListSummary> all() {
        return jdbc.sql("""
                        SELECT v.id, v.slug, v.version, v.section_count, v.entry_count, v.created_at, v.created_by, v.updated_at,
                               v.updated_by,
                               (SELECT count(*) FROM proposal_view p
                                WHERE p.list_id = v.id AND p.status IN ('submitted', 'changes_requested')),
                               coalesce(v.lint_errors, 0), coalesce(v.lint_warnings, 0),
                               (SELECT count(*) FROM entry_link_health h WHERE h.list_id = v.id AND h.status = 'dead'),
                               v.import_repository, v.import_branch, v.import_path, v.import_commits, v.import_complete
                        FROM list_view v WHERE v.version > 0 ORDER BY v.slug""")
                .query((rs, n) -> new ListSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getString(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                        GitImport.read(rs, 14, rs.getLong(3))))
                .list();
    }

    /** Creates an unpublished list (version 0) so that rows of other read models can refer to it. */
    void create(String listId, String slug, Instant at, String actor) {
        jdbc.sql("""
                        INSERT INTO list_view (id, slug, version, last_sequence, created_at, created_by, updated_at, updated_by)
                        VALUES (?, ?, 0, -1, ?, ?, ?, ?)""")
                .params(listId, slug, Timestamp.from(at), actor, Timestamp.from(at), actor)
                .update();
    }

    /**
     * Writes a list's state after applying events (the list exists: the projection creates it on its
     * first event). The last applied sequence is always written, in
     * the transaction that wrote the events to {@code list_event}, so progress is never applied
     * twice; what readers see (the version, rendered on read by {@link RenderedLists}) changes only
     * when a version was completed, as {@code published} holds it.
     */
    public void save(StoredDocument applied, PublishedVersion published) {
        if (published == null) {
            jdbc.sql("UPDATE list_view SET last_sequence = ? WHERE id = ?")
                    .params(applied.lastSequence(), applied.listId()).update();
            return;
        }
        jdbc.sql("""
                        UPDATE list_view SET last_sequence = :seq, version = :version, section_count = :sections,
                            entry_count = :entries, updated_at = :at, updated_by = :actor WHERE id = :id""")
                .param("id", applied.listId()).param("seq", applied.lastSequence()).param("version", published.version())
                .param("sections", published.sections()).param("entries", published.entries())
                .param("at", Timestamp.from(published.at())).param("actor", published.actor())
                .update();
    }

}

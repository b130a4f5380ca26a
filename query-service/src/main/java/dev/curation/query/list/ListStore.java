package dev.curation.query.list;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.ListDocument;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the list read model ({@code list_view}) and rebuilds a list's applied document. */
@Repository
public class ListStore {

    private static final TypeReference<List<DocumentNode>> NODES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ListStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
        return head.map(h -> new StoredDocument(h.id(), h.slug(), h.version(), h.lastSequence(), applied(h.id())));
    }

    private ListDocument applied(String listId) {
        record Snapshot(long version, byte[] nodes) {
        }
        Optional<Snapshot> snapshot = jdbc.sql("SELECT version, nodes FROM list_snapshot WHERE list_id = ? ORDER BY version DESC LIMIT 1")
                .param(listId).query((rs, n) -> new Snapshot(rs.getLong(1), rs.getBytes(2))).optional();
        ListDocument document = snapshot.map(s -> document(s.nodes())).orElse(null);
        long after = snapshot.map(Snapshot::version).orElse(0L);
        List<ListEvent> events = jdbc.sql("SELECT type, payload FROM list_event WHERE list_id = ? AND version > ? ORDER BY sequence")
                .params(listId, after)
                .query((rs, n) -> (ListEvent) json.readValue(rs.getBytes(2), EventEnvelope.payloadType(rs.getString(1))))
                .list();
        for (ListEvent event : events) {
            document = ListFold.apply(document, event);
        }
        return document == null ? new ListDocument() : document;
    }

    /** A published list (at least one complete version): id, slug and version; its document is not loaded. */
    public Optional<StoredDocument> bySlug(String slug) {
        return jdbc.sql("SELECT id, slug, version, last_sequence FROM list_view WHERE slug = ? AND version > 0")
                .param(slug)
                .query((rs, n) -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), null))
                .optional();
    }

    public List<ListSummary> all() {
        return jdbc.sql("""
                        SELECT id, slug, version, section_count, entry_count, created_at, created_by, updated_at, updated_by
                        FROM list_view WHERE version > 0 ORDER BY slug""")
                .query((rs, n) -> new ListSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
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

    private ListDocument document(byte[] nodes) {
        return ListDocument.of(json.readValue(nodes, NODES));
    }
}

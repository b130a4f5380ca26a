package dev.curation.query.list;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.ListDocument;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the list read models ({@code list_view}, {@code list_document}). */
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

    public Optional<MarkdownExport> markdown(String slug) {
        return jdbc.sql("""
                        SELECT v.id, v.version, d.markdown, d.etag
                        FROM list_view v JOIN list_document d ON d.list_id = v.id WHERE v.slug = ? AND v.version > 0""")
                .param(slug)
                .query((rs, n) -> new MarkdownExport(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getString(4)))
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
        jdbc.sql("INSERT INTO list_document (list_id) VALUES (?)").param(listId).update();
    }

    /**
     * Writes a list's state after applying events (the list exists: the projection creates it on its
     * first event). The last applied sequence is always written, in
     * the transaction that wrote the events to {@code list_event}, so progress is never applied
     * twice; what readers see (version, Markdown, structure) changes only when a version was
     * completed, as {@code published} holds it.
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
        jdbc.sql("UPDATE list_document SET markdown = :markdown, etag = :etag, structure = :structure WHERE list_id = :id")
                .param("id", applied.listId()).param("markdown", published.markdown())
                .param("etag", etag(published.markdown()))
                .param("structure", json.writeValueAsBytes(published.structure()))
                .update();
    }


    /** The structure JSON of a published list, as stored when its version completed. */
    public Optional<byte[]> structure(String slug) {
        return jdbc.sql("""
                        SELECT d.structure FROM list_view v JOIN list_document d ON d.list_id = v.id
                        WHERE v.slug = ? AND v.version > 0""")
                .param(slug).query(byte[].class).optional();
    }

    private ListDocument document(byte[] nodes) {
        return ListDocument.of(json.readValue(nodes, NODES));
    }

    /** A strong entity tag: the exported bytes' SHA-256, shortened. */
    public static String etag(byte[] markdown) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(markdown);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.curation.query.list;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import java.nio.charset.StandardCharsets;
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

    public Optional<StoredDocument> byId(String listId) {
        return jdbc.sql("""
                        SELECT v.id, v.slug, v.version, v.last_sequence, d.nodes
                        FROM list_view v JOIN list_document d ON d.list_id = v.id WHERE v.id = ?""")
                .param(listId)
                .query((rs, n) -> new StoredDocument(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        document(rs.getBytes(5))))
                .optional();
    }

    public Optional<StoredDocument> bySlug(String slug) {
        return jdbc.sql("SELECT id FROM list_view WHERE slug = ?").param(slug).query(String.class).optional()
                .flatMap(this::byId);
    }

    public Optional<MarkdownExport> markdown(String slug) {
        return jdbc.sql("""
                        SELECT v.id, v.version, d.markdown, d.etag
                        FROM list_view v JOIN list_document d ON d.list_id = v.id WHERE v.slug = ?""")
                .param(slug)
                .query((rs, n) -> new MarkdownExport(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getString(4)))
                .optional();
    }

    public List<ListSummary> all() {
        return jdbc.sql("""
                        SELECT id, slug, version, section_count, entry_count, created_at, created_by, updated_at, updated_by
                        FROM list_view ORDER BY slug""")
                .query((rs, n) -> new ListSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getString(9)))
                .list();
    }

    /** Writes a list's state after applying events; creates the list on its first save. */
    public void save(StoredDocument list, Instant at, String actor) {
        ListDocument document = list.document();
        byte[] markdown = MarkdownWriter.write(document).getBytes(StandardCharsets.UTF_8);
        int entries = (int) document.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY).count();
        Timestamp when = Timestamp.from(at);
        jdbc.sql("""
                        INSERT INTO list_view (id, slug, version, last_sequence, section_count, entry_count,
                                               created_at, created_by, updated_at, updated_by)
                        VALUES (:id, :slug, :version, :seq, :sections, :entries, :at, :actor, :at, :actor)
                        ON CONFLICT (id) DO UPDATE SET version = :version, last_sequence = :seq,
                            section_count = :sections, entry_count = :entries, updated_at = :at, updated_by = :actor""")
                .param("id", list.listId()).param("slug", list.slug()).param("version", list.version())
                .param("seq", list.lastSequence()).param("sections", document.sectionCount()).param("entries", entries)
                .param("at", when).param("actor", actor)
                .update();
        jdbc.sql("""
                        INSERT INTO list_document (list_id, nodes, markdown, etag) VALUES (:id, :nodes, :markdown, :etag)
                        ON CONFLICT (list_id) DO UPDATE SET nodes = :nodes, markdown = :markdown, etag = :etag""")
                .param("id", list.listId()).param("nodes", json.writeValueAsBytes(document.nodes()))
                .param("markdown", markdown).param("etag", etag(markdown))
                .update();
    }

    private ListDocument document(byte[] nodes) {
        return ListDocument.of(json.readValue(nodes, NODES));
    }

    /** A strong entity tag: the exported bytes' SHA-256, shortened. */
    static String etag(byte[] markdown) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(markdown);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

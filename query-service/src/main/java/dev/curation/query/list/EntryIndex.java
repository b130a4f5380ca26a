package dev.curation.query.list;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.LinkMoved;
import dev.curation.core.list.LinkRemoved;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.SectionRemoved;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every entry of every list ({@code entry_view}), kept per event, for search across lists. */
@Repository
public class EntryIndex {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    EntryIndex(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Entry rows of one batch: inserts are collected and written together, before any other change. */
    public final class Batch {
        private final List<Object[]> inserts = new ArrayList<>();

        /** Applies an event (those that do not change entries are ignored). */
        public void apply(EventEnvelope envelope) {
            if (envelope.payload() instanceof LinkAdded e) {
                inserts.add(new Object[] {envelope.listId(), e.entry(), e.section(), clean(e.title()), clean(e.url()),
                        clean(e.description())});
                return;
            }
            if (changesEntries(envelope)) {
                flush();
                EntryIndex.this.apply(envelope);
            }
        }

        public void flush() {
            if (!inserts.isEmpty()) {
                template.batchUpdate(INSERT, inserts);
                inserts.clear();
            }
        }
    }

    private static final String INSERT =
            "INSERT INTO entry_view (list_id, id, section_id, title, url, description) VALUES (?, ?, ?, ?, ?, ?)";

    public Batch batch() {
        return new Batch();
    }

    private static boolean changesEntries(EventEnvelope envelope) {
        return switch (envelope.payload()) {
            case ListContentImported c -> true;
            case LinkEdited e -> true;
            case LinkMoved e -> true;
            case LinkRemoved e -> true;
            case SectionRemoved e -> true;
            default -> false;
        };
    }

    /** Applies an event that changes entries other than by adding one (a {@link Batch} collects those). */
    private void apply(EventEnvelope envelope) {
        String list = envelope.listId();
        switch (envelope.payload()) {
            case ListContentImported c -> template.batchUpdate(INSERT,
                    c.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY)
                            .map(n -> new Object[] {list, n.id(), n.parent(), clean(n.title()), clean(n.url()), clean(n.description())})
                            .toList());
            case LinkEdited e -> jdbc.sql("UPDATE entry_view SET title = ?, url = ?, description = ? WHERE list_id = ? AND id = ?")
                    .params(clean(e.title()), clean(e.url()), clean(e.description()), list, e.entry()).update();
            case LinkMoved e -> jdbc.sql("UPDATE entry_view SET section_id = ? WHERE list_id = ? AND id = ?")
                    .params(e.section(), list, e.entry()).update();
            case LinkRemoved e -> delete(list, List.of(e.entry()));
            case SectionRemoved e -> delete(list, e.entries());
            default -> {
            }
        }
    }

    private void delete(String list, List<String> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM entry_view WHERE list_id = :list AND id IN (:ids)").param("list", list).param("ids", ids).update();
        }
    }

    /** Entries whose title, description or URL contain {@code query} (case-insensitive), best matches first. */
    public List<SearchHit> search(String query, int limit) {
        String pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        SELECT v.slug, e.id, e.section_id, e.title, e.url, e.description
                        FROM entry_view e JOIN list_view v ON v.id = e.list_id
                        WHERE v.version > 0 AND (e.title ILIKE :p OR e.description ILIKE :p OR e.url ILIKE :p)
                        ORDER BY (lower(e.title) = lower(:q)) DESC, (e.title ILIKE :p) DESC,
                                 similarity(e.title, :q) DESC, v.slug, e.id
                        LIMIT :limit""")
                .param("p", pattern).param("q", query).param("limit", limit)
                .query((rs, n) -> new SearchHit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /** A search result: the list's slug and the entry with its ids. */
    public record SearchHit(String list, String entry, String section, String title, String url, String description) {
    }

    /** PostgreSQL TEXT cannot hold NUL; the index is for finding, the exact bytes live in the document. */
    private static String clean(String value) {
        return value == null ? "" : value.replace('\0', '\uFFFD');
    }
}

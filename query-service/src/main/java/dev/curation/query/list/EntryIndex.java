package dev.curation.query.list;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.LinkSafety;
import dev.curation.core.document.SyncStep;
import dev.curation.core.list.CommitImported;
import dev.curation.core.list.ContentRestored;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.LinkMoved;
import dev.curation.core.list.LinkRemoved;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.SectionRemoved;
import dev.curation.query.history.CopyRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Entry changes of one batch, coalesced per entry and written together by {@link #flush()}: an
     * entry edited twenty times in a batch is written once (ids are never reused, so the final
     * state of each entry is all that matters, whatever the order of the writes; an id a revert
     * restores replaces its row).
     */
    public final class Batch {
        private final Map<String, Row> rows = new LinkedHashMap<>();

        /** Applies an event (those that do not change entries are ignored). */
        public void apply(EventEnvelope envelope) {
            String list = envelope.listId();
            switch (envelope.payload()) {
                case LinkAdded e -> rows.put(key(list, e.entry()), Row.added(list, e.entry(), e.section(), e.title(), e.url(),
                        e.description()));
                // an import's parts bring new entries; a commit's parts (version 2 on) the whole file again, old ids included
                case ListContentImported c -> c.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY)
                        .forEach(n -> put(list, n, envelope.version() > 1));
                // a commit from git: the ids it no longer has go; the entries its steps put (new, or an old id edited or
                // moved) replace their rows; in the parts form the parts that follow put every entry of the file
                case CommitImported c -> {
                    c.removed().forEach(id -> removed(list, id));
                    c.steps().stream().map(SyncStep::node).filter(n -> n != null && n.kind() == DocumentNode.Kind.ENTRY)
                            .forEach(n -> put(list, n, true));
                }
                case LinkEdited e -> row(list, e.entry()).edited(e.title(), e.url(), e.description());
                case LinkMoved e -> row(list, e.entry()).section = e.section();
                case LinkRemoved e -> removed(list, e.entry());
                case SectionRemoved e -> e.entries().forEach(id -> removed(list, id));
                // a revert brings entries back under their old ids: whatever row is there (or pending) is replaced
                case ContentRestored c -> c.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY)
                        .forEach(n -> put(list, n, true));
                default -> {
                }
            }
        }

        /** An entry's whole row; {@code replaces}: whatever row the id may have already is replaced, not kept. */
        private void put(String list, DocumentNode entry, boolean replaces) {
            Row row = Row.added(list, entry.id(), entry.parent(), entry.title(), entry.url(), entry.description());
            row.replaces = replaces;
            rows.put(key(list, entry.id()), row);
        }

        private Row row(String list, String id) {
            return rows.computeIfAbsent(key(list, id), k -> new Row(list, id, false));
        }

        private void removed(String list, String id) {
            Row row = row(list, id);
            if (row.added && !row.replaces) {
                rows.remove(key(list, id)); // added and removed within the batch: never written
            } else {
                row.removed = true;
            }
        }

        public void flush() {
            List<Object[]> deletes = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> edits = new ArrayList<>();
            List<Object[]> moves = new ArrayList<>();
            for (Row row : rows.values()) {
                if (row.removed) {
                    deletes.add(new Object[] {row.list, row.id});
                } else if (row.added) {
                    if (row.replaces) {
                        deletes.add(new Object[] {row.list, row.id});
                    }
                    inserts.add(new Object[] {row.list, row.id, row.section, clean(row.title), clean(row.url), clean(row.description)});
                } else {
                    if (row.title != null) {
                        edits.add(new Object[] {clean(row.title), clean(row.url), clean(row.description), row.list, row.id});
                    }
                    if (row.section != null) {
                        moves.add(new Object[] {row.section, row.list, row.id});
                    }
                }
            }
            template.batchUpdate("DELETE FROM entry_view WHERE list_id = ? AND id = ?", deletes);
            CopyRows.insert(template, "entry_view", List.of("list_id", "id", "section_id", "title", "url", "description"), inserts);
            template.batchUpdate("UPDATE entry_view SET title = ?, url = ?, description = ? WHERE list_id = ? AND id = ?", edits);
            template.batchUpdate("UPDATE entry_view SET section_id = ? WHERE list_id = ? AND id = ?", moves);
            rows.clear();
        }
    }

    /** The pending state of one entry's row. */
    private static final class Row {
        final String list;
        final String id;
        final boolean added;
        /** Restored under an id that may still have a row: deleted before it is inserted. */
        boolean replaces;
        boolean removed;
        String section;
        String title;
        String url;
        String description;

        Row(String list, String id, boolean added) {
            this.list = list;
            this.id = id;
            this.added = added;
        }

        static Row added(String list, String id, String section, String title, String url, String description) {
            Row row = new Row(list, id, true);
            row.section = section;
            row.edited(title, url, description);
            return row;
        }

        /** A link edit carries the entry's whole new title, URL and description. */
        void edited(String title, String url, String description) {
            this.title = title;
            this.url = url;
            this.description = description;
        }
    }

    private static String key(String list, String id) {
        return list + "/" + id;
    }

    public Batch batch() {
        return new Batch();
    }

    /**
     * Entries whose title, description or URL contain {@code query} (case-insensitive), best matches
     * first (then by list and entry, so the order is total): {@code limit} from {@code offset}.
     */
    public List<SearchHit> search(String query, int offset, int limit) {
        String pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        SELECT v.slug, e.id, e.section_id, e.title, e.url, e.description,
                               CASE WHEN s.url = e.url THEN s.status END
                        FROM entry_view e JOIN list_view v ON v.id = e.list_id
                        LEFT JOIN link_state s ON s.url_hash = md5(e.url)
                        WHERE v.version > 0 AND (e.title ILIKE :p OR e.description ILIKE :p OR e.url ILIKE :p)
                        ORDER BY (lower(e.title) = lower(:q)) DESC, (e.title ILIKE :p) DESC,
                                 similarity(e.title, :q) DESC, v.slug, e.id
                        LIMIT :limit OFFSET :offset""")
                .param("p", pattern).param("q", query).param("limit", limit).param("offset", offset)
                .query((rs, n) -> SearchHit.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /**
     * A search result: the list's slug and the entry with its ids. As in the structure JSON, an
     * unsafe link ({@link LinkSafety}) has no {@code url}: {@code unsafe} is true and {@code rawUrl} holds it.
     * {@code link}: the link's health (ok, redirected, failing, dead, refused, excluded), absent until it is checked.
     */
    public record SearchHit(String list, String entry, String section, String title, String url, String description,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean unsafe,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String rawUrl,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String link) {

        static SearchHit of(String list, String entry, String section, String title, String url, String description,
                            String link) {
            String health = "unchecked".equals(link) ? null : link;
            return LinkSafety.unsafe(url)
                    ? new SearchHit(list, entry, section, title, null, description, true, url, health)
                    : new SearchHit(list, entry, section, title, url, description, false, null, health);
        }
    }

    /** PostgreSQL TEXT cannot hold NUL; the index is for finding, the exact bytes live in the document. */
    private static String clean(String value) {
        return value == null ? "" : value.replace('\0', '\uFFFD');
    }
}

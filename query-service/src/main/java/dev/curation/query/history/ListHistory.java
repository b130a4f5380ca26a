package dev.curation.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Revert;
import dev.curation.core.list.ChangeSummary;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.GitCommit;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListFold;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the recorded history: versions, the document at any version, item changes. */
@Repository
public class ListHistory {

    private static final TypeReference<List<DocumentNode>> NODES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ListHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A version: when and by whom (for a version from git, the commit's author date and author),
     * what kind, its sentence, the proposal and rationale behind it, its events, and the commit it
     * came from (absent for a version not from git).
     */
    public record VersionRow(long version, Instant timestamp, String actor, String kind, String summary, String proposal,
                             String rationale, List<String> eventIds,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable GitCommit commit) {
    }

    public record Filter(String actor, Instant from, Instant to, VersionKind kind) {
    }

    /** Versions newest first, filtered; {@code limit} rows from {@code offset}. */
    public List<VersionRow> versions(String listId, Filter filter, int offset, int limit) {
        return worded(jdbc.sql("""
                        SELECT v.version, v.occurred_at, v.actor, v.kind, v.summary, v.proposal, v.rationale, v.event_ids, a.author,
                               v.git_commit
                        FROM list_version v LEFT JOIN proposal_author a ON a.list_id = v.list_id AND a.proposal = v.proposal
                        WHERE v.list_id = :list
                          AND (CAST(:actor AS VARCHAR) IS NULL OR v.actor = :actor)
                          AND (CAST(:kind AS VARCHAR) IS NULL OR v.kind = :kind)
                          AND (CAST(:from AS TIMESTAMPTZ) IS NULL OR v.occurred_at >= :from)
                          AND (CAST(:to AS TIMESTAMPTZ) IS NULL OR v.occurred_at < :to)
                        ORDER BY v.version DESC LIMIT :limit OFFSET :offset""")
                .param("list", listId).param("actor", filter.actor()).param("kind", filter.kind() == null ? null : filter.kind().wireName())
                .param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .param("to", filter.to() == null ? null : Timestamp.from(filter.to()))
                .param("limit", limit).param("offset", offset)
                .query(this::row)
                .list(), listId);
    }

    public Optional<VersionRow> version(String listId, long version) {
        return worded(jdbc.sql("""
                        SELECT v.version, v.occurred_at, v.actor, v.kind, v.summary, v.proposal, v.rationale, v.event_ids, a.author,
                               v.git_commit
                        FROM list_version v LEFT JOIN proposal_author a ON a.list_id = v.list_id AND a.proposal = v.proposal
                        WHERE v.list_id = ? AND v.version = ?""")
                .params(listId, version)
                .query(this::row)
                .list(), listId).stream().findFirst();
    }

    /** The version that was current at {@code at}, if the list existed then. */
    public Optional<Long> versionAt(String listId, Instant at) {
        return jdbc.sql("SELECT max(version) FROM list_version WHERE list_id = ? AND occurred_at <= ?")
                .params(listId, Timestamp.from(at)).query(Long.class).optional();
    }

    /** The document at a recorded version: the newest snapshot at or before it, plus the events after. */
    public Optional<ListDocument> documentAt(String listId, long version) {
        if (jdbc.sql("SELECT 1 FROM list_version WHERE list_id = ? AND version = ?").params(listId, version)
                .query(Integer.class).optional().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fold(listId, version));
    }

    /**
     * The document with every recorded event up to version {@code upTo} applied ({@link Long#MAX_VALUE}:
     * all of them, the events of a version not yet complete included): the newest snapshot at or
     * before it, if any, plus the events after the snapshot.
     */
    public ListDocument fold(String listId, long upTo) {
        record Snapshot(long version, byte[] nodes) {
        }
        Optional<Snapshot> snapshot = jdbc.sql("""
                        SELECT version, nodes FROM list_snapshot WHERE list_id = ? AND version <= ?
                        ORDER BY version DESC LIMIT 1""")
                .params(listId, upTo)
                .query((rs, n) -> new Snapshot(rs.getLong(1), rs.getBytes(2))).optional();
        ListDocument document = snapshot.map(s -> ListDocument.of(json.readValue(s.nodes(), NODES))).orElse(null);
        List<ListEvent> events = jdbc.sql("""
                        SELECT type, payload FROM list_event WHERE list_id = ? AND version > ? AND version <= ?
                        ORDER BY sequence""")
                .params(listId, snapshot.map(Snapshot::version).orElse(0L), upTo)
                .query((rs, n) -> (ListEvent) json.readValue(rs.getBytes(2), EventEnvelope.payloadType(rs.getString(1))))
                .list();
        for (ListEvent event : events) {
            document = ListFold.apply(document, event);
        }
        return document == null ? new ListDocument() : document;
    }

    /** The events of versions {@code from} to {@code through}, version by version (a proposal's review and settings left out). */
    public List<Revert.PastVersion> pastVersions(String listId, long from, long through) {
        Map<Long, List<ListEvent>> byVersion = new TreeMap<>();
        jdbc.sql("SELECT version, type, payload FROM list_event WHERE list_id = ? AND version >= ? AND version <= ? ORDER BY sequence")
                .params(listId, from, through)
                .query(rs -> {
                    Class<? extends ListEvent> type = EventEnvelope.payloadType(rs.getString(2));
                    if (type != null && !ListEvents.NO_VERSION.contains(rs.getString(2))) {
                        byVersion.computeIfAbsent(rs.getLong(1), v -> new ArrayList<>())
                                .add(json.readValue(rs.getBytes(3), type));
                    }
                });
        return byVersion.entrySet().stream()
                .map(e -> new Revert.PastVersion(e.getKey(), e.getValue())).toList();
    }

    /**
     * For each item, the last version up to {@code upTo} that changed it (items never changed since the
     * import are absent); versions after it, complete or not, do not count.
     */
    public Map<String, Long> lastChanges(String listId, long upTo) {
        Map<String, Long> last = new HashMap<>();
        jdbc.sql("SELECT item_id, max(version) FROM item_change WHERE list_id = ? AND version <= ? GROUP BY item_id")
                .params(listId, upTo)
                .query(rs -> {
                    last.put(rs.getString(1), rs.getLong(2));
                });
        return last;
    }

    /** The versions that changed an item, newest first. */
    public List<VersionRow> itemHistory(String listId, String itemId) {
        return worded(jdbc.sql("""
                        SELECT v.version, v.occurred_at, v.actor, v.kind, v.summary, v.proposal, v.rationale, v.event_ids, a.author,
                               v.git_commit
                        FROM item_change c JOIN list_version v ON v.list_id = c.list_id AND v.version = c.version
                        LEFT JOIN proposal_author a ON a.list_id = v.list_id AND a.proposal = v.proposal
                        WHERE c.list_id = ? AND c.item_id = ? ORDER BY v.version DESC""")
                .params(listId, itemId)
                .query(this::row)
                .list(), listId);
    }

    /** Sentences of the events of a version that changed the item, in today's words (stored ones for older rows). */
    public List<String> itemSentences(String listId, long version, String itemId) {
        return jdbc.sql("""
                        SELECT change, summary FROM list_event WHERE list_id = ? AND version = ?
                        AND (change IS NOT NULL OR summary IS NOT NULL)
                        AND position(? in convert_from(payload, 'UTF8')) > 0 ORDER BY sequence""")
                .params(listId, version, "\"" + itemId + "\"")
                .query((rs, n) -> rs.getString(1) != null ? sentence(rs.getString(1)) : rs.getString(2)).list();
    }

    /** A version as stored, with the author of the proposal it approved (from {@code proposal_author}). */
    private record Stored(VersionRow row, String proposalAuthor) {
    }

    private Stored row(ResultSet rs, int n) throws SQLException {
        byte[] commit = rs.getBytes(10);
        return new Stored(new VersionRow(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                List.of(rs.getString(8).split(",")), commit == null ? null : json.readValue(commit, GitCommit.class)),
                rs.getString(9));
    }

    /**
     * The versions with their sentences worded now, from what their events changed; a version
     * recorded before history kept that keeps its stored sentence.
     */
    private List<VersionRow> worded(List<Stored> stored, String listId) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> sentences = new HashMap<>();
        jdbc.sql("""
                        SELECT version, change FROM list_event
                        WHERE list_id = :list AND version IN (:versions) AND change IS NOT NULL
                          -- commands on proposals and settings share the list's version but make none of their own
                          AND type NOT IN (:settings)
                        ORDER BY sequence""")
                .param("list", listId).param("settings", List.copyOf(ListEvents.NO_VERSION)).param("versions", stored.stream().map(s -> s.row().version()).toList())
                .query(rs -> {
                    sentences.computeIfAbsent(rs.getLong(1), v -> new ArrayList<>()).add(sentence(rs.getString(2)));
                });
        return stored.stream().map(s -> {
            VersionRow row = s.row();
            List<String> told = sentences.get(row.version());
            return told == null ? row : new VersionRow(row.version(), row.timestamp(), row.actor(), row.kind(),
                    VersionSentence.of(row.actor(), row.kind(), s.proposalAuthor(), told), row.proposal(), row.rationale(),
                    row.eventIds(), row.commit());
        }).toList();
    }

    private String sentence(String change) {
        return ChangeSummary.sentence(json.readValue(change, ChangeSummary.Change.class));
    }

    /** Who made each version up to {@code upTo}. */
    public Map<Long, String> actors(String listId, long upTo) {
        Map<Long, String> actors = new HashMap<>();
        jdbc.sql("SELECT version, actor FROM list_version WHERE list_id = ? AND version <= ?").params(listId, upTo)
                .query(rs -> {
                    actors.put(rs.getLong(1), rs.getString(2));
                });
        return actors;
    }
}

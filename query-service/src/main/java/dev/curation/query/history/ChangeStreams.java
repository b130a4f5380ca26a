package dev.curation.query.history;

import dev.curation.core.document.DocumentDiff;
import dev.curation.core.list.CloudEventNames;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history as a stream of changes: one {@code version} change per list version (what changed,
 * item by item, with before and after) and one {@code proposal} or {@code settings} change per
 * event that makes no version (a proposal's review, a profile or policy). A list's stream is
 * ordered and resumed by the list's event sequence; the stream of all lists by the writing
 * transaction and position ({@code tx.position}), read only below the oldest transaction still
 * running, so nothing committed late is skipped. The stream is the history: a client can start
 * from any point of it.
 */
@Component
public class ChangeStreams {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ListHistory history;
    private final VersionDiffs diffs;

    ChangeStreams(JdbcClient jdbc, JsonMapper json, ListHistory history, VersionDiffs diffs) {
        this.jdbc = jdbc;
        this.json = json;
        this.history = history;
        this.diffs = diffs;
    }

    /**
     * One change: its id (what {@code Last-Event-ID} resumes after), its event name, its data, and
     * the id of the event that completed it (for a version its last event: the ce_id of that
     * event's Kafka record), and the traceparent of that event's projection, if it was traced.
     */
    public record Change(String id, String name, Map<String, Object> data, String eventId, @Nullable String traceparent) {

        /**
         * The change as a CloudEvent in structured mode JSON ({@code ?format=cloudevents}): the
         * attributes of docs/events.md, today's data as {@code data}.
         */
        public Map<String, Object> cloudEvent() {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("specversion", CloudEventNames.SPEC_VERSION);
            event.put("id", eventId);
            event.put("source", CloudEventNames.source((String) data.get("listId")));
            event.put("type", CloudEventNames.changeType(name));
            event.put("subject", CloudEventNames.subject(((Number) data.get("version")).longValue()));
            event.put("time", data.get("at"));
            event.put("datacontenttype", CloudEventNames.JSON);
            event.put(CloudEventNames.LIST_VERSION, data.get("version"));
            event.put(CloudEventNames.LIST_SEQUENCE, data.get("sequence"));
            if (data.get("actor") != null) {
                event.put(CloudEventNames.ACTOR, data.get("actor"));
            }
            event.put("data", data);
            return event;
        }
    }

    /** A place in the stream of all lists. */
    public record Position(String tx, long position) {

        public static final Position START = new Position("0", 0);

        /** @throws IllegalArgumentException unless {@code id} is {@code tx.position} as the stream gave it */
        public static Position parse(String id) {
            String[] parts = id.strip().split("\\.");
            if (parts.length != 2 || !parts[0].matches("\\d{1,19}") || !parts[1].matches("\\d{1,19}")) {
                throw new IllegalArgumentException("a position of the change stream looks like 1234.56, not '" + id + "'");
            }
            return new Position(parts[0], Long.parseLong(parts[1]));
        }

        public String id() {
            return tx + "." + position;
        }
    }

    private record Row(String listId, String slug, long sequence, long version, String type, Instant at, String actor,
                       byte[] payload, String tx, long position, String eventId, @Nullable String traceparent) {
    }

    private static final String ROW = """
            SELECT e.list_id, l.slug, e.sequence, e.version, e.type, e.occurred_at, e.actor, e.payload, e.tx::text, e.position,
                   e.event_id, e.traceparent
            FROM list_event e JOIN list_view l ON l.id = e.list_id
            """;

    /** Events that are changes: those of no version, and the last event of each complete version. */
    private static final String IS_CHANGE = """
            (e.type IN (:none) OR (EXISTS (SELECT 1 FROM list_version v WHERE v.list_id = e.list_id AND v.version = e.version)
              AND e.sequence = (SELECT max(x.sequence) FROM list_event x
                                WHERE x.list_id = e.list_id AND x.version = e.version AND x.type NOT IN (:none))))
            """;

    /** The changes of one list after event sequence {@code after}, at most {@code limit}. */
    public List<Change> ofList(String listId, long after, int limit) {
        List<Row> rows = jdbc.sql(ROW + "WHERE e.list_id = :list AND e.sequence > :after AND " + IS_CHANGE
                        + "ORDER BY e.sequence LIMIT :limit")
                .param("list", listId).param("after", after).param("none", List.copyOf(ListEvents.NO_VERSION))
                .param("limit", limit)
                .query(this::row).list();
        return rows.stream().map(r -> change(r, Long.toString(r.sequence()))).toList();
    }

    /** The changes of all lists after {@code after}, at most {@code limit}, in the order they were written. */
    public List<Change> ofAll(Position after, int limit) {
        List<Row> rows = jdbc.sql(ROW + """
                        WHERE (e.tx, e.position) > (CAST(:tx AS xid8), :position)
                          AND e.tx < pg_snapshot_xmin(pg_current_snapshot()) AND
                        """ + IS_CHANGE + "ORDER BY e.tx, e.position LIMIT :limit")
                .param("tx", after.tx()).param("position", after.position())
                .param("none", List.copyOf(ListEvents.NO_VERSION)).param("limit", limit)
                .query(this::row).list();
        return rows.stream().map(r -> change(r, new Position(r.tx(), r.position()).id())).toList();
    }

    /**
     * Where the stream of all lists stands now: the last change below the oldest transaction still
     * running (what {@link #ofAll} could have given so far); the start when there is none.
     */
    public Position latest() {
        // ordered by e.tx, the transaction id: a bare "tx" would name the output column, its text, and
        // 978 would come after 3738 (and every row be sorted instead of one read off the index's end)
        return jdbc.sql("""
                        SELECT e.tx::text, e.position FROM list_event e WHERE e.tx < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY e.tx DESC, e.position DESC LIMIT 1""")
                .query((rs, n) -> new Position(rs.getString(1), rs.getLong(2))).optional().orElse(Position.START);
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getBytes(8), rs.getString(9), rs.getLong(10),
                rs.getString(11), rs.getString(12));
    }

    private Change change(Row row, String id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("list", row.slug());
        data.put("listId", row.listId());
        data.put("sequence", row.sequence());
        data.put("version", row.version());
        data.put("at", row.at().toString());
        data.put("actor", row.actor());
        if (ListEvents.NO_VERSION.contains(row.type())) {
            // read as curation-core's event and written anew: its edits in their ops' shapes
            JsonNode event = json.valueToTree(json.readValue(row.payload(), EventEnvelope.payloadType(row.type())));
            data.put("type", row.type());
            if (event.has("proposal")) {
                data.put("proposal", event.get("proposal").asString());
            }
            data.put("event", event);
            // the events of a proposal's review name it; a list's settings name none
            boolean settings = !event.has("proposal");
            return new Change(id, settings ? "settings" : "proposal", data, row.eventId(), row.traceparent());
        }
        // who and when as the version's row says: for a version from git, the commit's author and date
        jdbc.sql("SELECT kind, proposal, rationale, occurred_at, actor, git_commit FROM list_version WHERE list_id = ? AND version = ?")
                .params(row.listId(), row.version())
                .query(rs -> {
                    data.put("at", rs.getTimestamp(4).toInstant().toString());
                    data.put("actor", rs.getString(5));
                    data.put("kind", rs.getString(1).toLowerCase(Locale.ROOT));
                    data.put("proposal", rs.getString(2));
                    data.put("rationale", rs.getString(3));
                    byte[] commit = rs.getBytes(6);
                    if (commit != null) {
                        data.put("commit", json.readTree(commit));
                    }
                });
        if (row.version() == 1) {
            data.put("entries", List.of());
            data.put("sections", List.of());
            data.put("imported", true);
        } else {
            DocumentDiff diff = diffs.structural(row.listId(), row.version() - 1, row.version(),
                    () -> history.documentAt(row.listId(), row.version() - 1).orElseThrow(),
                    () -> history.documentAt(row.listId(), row.version()).orElseThrow());
            data.put("entries", new ArrayList<>(diff.entries()));
            data.put("sections", new ArrayList<>(diff.sections()));
        }
        return new Change(id, "version", data, row.eventId(), row.traceparent());
    }
}

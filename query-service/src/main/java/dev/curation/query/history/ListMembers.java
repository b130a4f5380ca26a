package dev.curation.query.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list's members as its events made them: the importer as its first owner, then every role an
 * owner gave or took away, with who did it and when (the membership part of the list's audit
 * history). Folded from the recorded events when read: a list has few such events.
 */
@Repository
public class ListMembers {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ListMembers(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One member: the role the list gives it, since when, and who gave it. */
    public record Member(String member, String role, Instant since, String by) {
    }

    /** One change of the membership, worded like the history. */
    public record Change(long sequence, Instant at, String actor, String summary) {
    }

    public record View(List<Member> members, List<Change> changes) {
    }

    private record Row(long sequence, Instant at, String actor, String type, JsonNode payload, String summary) {
    }

    public View of(String listId) {
        List<Row> rows = jdbc.sql("""
                        SELECT sequence, occurred_at, actor, type, payload, summary FROM list_event
                        WHERE list_id = ? AND type IN ('ListImported', 'MemberRoleSet', 'MemberRemoved') ORDER BY sequence""")
                .param(listId).query(this::row).list();
        Map<String, Member> members = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (Row row : rows) {
            switch (row.type()) {
                case "ListImported" -> members.put(row.actor(), new Member(row.actor(), "owner", row.at(), row.actor()));
                case "MemberRoleSet" -> members.put(row.payload().get("member").asString(), new Member(
                        row.payload().get("member").asString(), row.payload().get("role").asString(), row.at(), row.actor()));
                default -> members.remove(row.payload().get("member").asString());
            }
            if (!row.type().equals("ListImported")) {
                changes.add(new Change(row.sequence(), row.at(), row.actor(), row.actor() + " " + row.summary()));
            }
        }
        return new View(List.copyOf(members.values()), changes);
    }

    /** Membership events always have a sentence: the history records one for every event that changes something. */
    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                json.readTree(rs.getBytes(5)), rs.getString(6));
    }
}

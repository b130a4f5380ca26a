package dev.curation.query.history;

import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListImported;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.MemberRemoved;
import dev.curation.core.list.MemberRoleSet;
import dev.curation.core.list.Members;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list's members as its events made them: the importer as its first owner, then every role an
 * owner gave or took away, with who did it and when (the membership part of the list's audit
 * history). Folded when read, with curation-core's {@link Members} as the list itself folds them:
 * a list has few such events.
 */
@Repository
public class ListMembers {

    /** The events that make the membership, by their stored type names. */
    private static final List<String> TYPES = Stream.of(ListImported.class, MemberRoleSet.class, MemberRemoved.class)
            .map(Class::getSimpleName).toList();

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

    private record Row(long sequence, Instant at, String actor, ListEvent event, String summary) {
    }

    public View of(String listId) {
        List<Row> rows = jdbc.sql("""
                        SELECT sequence, occurred_at, actor, type, payload, summary FROM list_event
                        WHERE list_id = :list AND type IN (:types) ORDER BY sequence""")
                .param("list", listId).param("types", TYPES).query(this::row).list();
        Members members = Members.none();
        // when and by whom each member got its role, in the order they joined
        Map<String, Row> given = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (Row row : rows) {
            switch (row.event()) {
                case ListImported imported -> {
                    members = Members.createdBy(row.actor());
                    given.put(row.actor(), row);
                }
                case MemberRoleSet set -> {
                    members = members.with(set);
                    given.put(set.member(), row);
                }
                case MemberRemoved removed -> {
                    members = members.without(removed);
                    given.remove(removed.member());
                }
                default -> throw new IllegalStateException("not a membership event: " + row.event());
            }
            if (!(row.event() instanceof ListImported)) {
                changes.add(new Change(row.sequence(), row.at(), row.actor(), row.actor() + " " + row.summary()));
            }
        }
        List<Member> view = new ArrayList<>();
        for (Map.Entry<String, Row> member : given.entrySet()) {
            ListRole role = members.roles().get(member.getKey());
            if (role != null) {
                view.add(new Member(member.getKey(), role.wire(), member.getValue().at(), member.getValue().actor()));
            }
        }
        return new View(List.copyOf(view), changes);
    }

    /** Membership events always have a sentence: the history records one for every event that changes something. */
    private Row row(ResultSet rs, int n) throws SQLException {
        Class<? extends ListEvent> type = EventEnvelope.payloadType(rs.getString(4));
        if (type == null) {
            throw new IllegalStateException("an event type this version does not know: " + rs.getString(4));
        }
        return new Row(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), json.readValue(rs.getBytes(5), type),
                rs.getString(6));
    }
}

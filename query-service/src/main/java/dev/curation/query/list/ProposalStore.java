package dev.curation.query.list;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalRejected;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The proposals read model ({@code proposal_view}). */
@Repository
public class ProposalStore {

    private static final TypeReference<List<EditSpec>> EDITS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProposalStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Applies a proposal event (others are ignored); called in the projection's transaction. */
    void apply(EventEnvelope envelope) {
        Timestamp at = Timestamp.from(envelope.timestamp());
        switch (envelope.payload()) {
            case ProposalSubmitted p -> jdbc.sql("""
                            INSERT INTO proposal_view (id, list_id, status, author, rationale, base_version, edits, created_at)
                            VALUES (?, ?, 'submitted', ?, ?, ?, ?, ?)""")
                    .params(p.proposal(), p.listId(), p.author(), p.rationale(), p.baseVersion(),
                            json.writeValueAsBytes(p.edits()), at)
                    .update();
            case ProposalWithdrawn p -> decide(p.proposal(), "withdrawn", p.by(), at, null, null);
            case ProposalRejected p -> decide(p.proposal(), "rejected", p.by(), at, p.reason(), null);
            case ProposalApproved p -> decide(p.proposal(), "approved", p.by(), at, null, p.version());
            default -> {
            }
        }
    }

    private void decide(String id, String status, String by, Timestamp at, String reason, Long version) {
        jdbc.sql("UPDATE proposal_view SET status = ?, decided_by = ?, decided_at = ?, reason = ?, version = ? WHERE id = ?")
                .params(status, by, at, reason, version, id).update();
    }

    public List<ProposalView> forList(String listId, ProposalStatus status) {
        return jdbc.sql("""
                        SELECT id, status, author, rationale, base_version, edits, created_at, decided_by, decided_at, reason, version
                        FROM proposal_view WHERE list_id = :list AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                        ORDER BY created_at DESC, id""")
                .param("list", listId).param("status", status == null ? null : status.wireName())
                .query((rs, n) -> view(rs)).list();
    }

    public Optional<ProposalView> byId(String listId, String id) {
        return jdbc.sql("""
                        SELECT id, status, author, rationale, base_version, edits, created_at, decided_by, decided_at, reason, version
                        FROM proposal_view WHERE list_id = ? AND id = ?""")
                .params(listId, id)
                .query((rs, n) -> view(rs)).optional();
    }

    private ProposalView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp(9);
        return new ProposalView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                json.readValue(rs.getBytes(6), EDITS), rs.getTimestamp(7).toInstant(), rs.getString(8),
                decided == null ? null : decided.toInstant(), rs.getString(10), (Long) rs.getObject(11));
    }

    /** A proposal as readers see it. */
    public record ProposalView(String id, String status, String author, String rationale, long baseVersion,
                               List<EditSpec> edits, Instant createdAt, String decidedBy, Instant decidedAt,
                               String reason, Long version) {
    }
}

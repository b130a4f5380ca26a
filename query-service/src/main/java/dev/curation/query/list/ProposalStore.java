package dev.curation.query.list;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.Proposal;
import dev.curation.core.list.Proposal.Status;
import dev.curation.core.list.ProposalAmended;
import dev.curation.core.list.ProposalApprovalRecorded;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalChangesRequested;
import dev.curation.core.list.ProposalCommentResolved;
import dev.curation.core.list.ProposalCommented;
import dev.curation.core.list.ProposalRejected;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import dev.curation.core.list.ReviewPolicy;
import dev.curation.core.list.ReviewPolicyChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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

    /** Applies a proposal or review policy event (others are ignored); called in the projection's transaction. */
    void apply(EventEnvelope envelope) {
        Timestamp at = Timestamp.from(envelope.timestamp());
        switch (envelope.payload()) {
            case ProposalSubmitted p -> {
                jdbc.sql("""
                                INSERT INTO proposal_view (id, list_id, status, author, rationale, base_version, edits, created_at,
                                                           by_curator)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(p.proposal(), p.listId(), Proposal.wire(Status.SUBMITTED), p.author(), p.rationale(), p.baseVersion(),
                                json.writeValueAsBytes(p.edits()), at, Boolean.TRUE.equals(p.byCurator()))
                        .update();
                revision(p.proposal(), 1, p.baseVersion(), p.rationale(), p.edits(), p.author(), at);
                activity(envelope, p.proposal(), "submitted", 1, p.author(), p.rationale(), null, null, null);
            }
            case ProposalAmended p -> {
                jdbc.sql("""
                                UPDATE proposal_view SET revision = ?, base_version = ?, rationale = ?, edits = ?, status = ?,
                                                         reason = NULL WHERE id = ?""")
                        .params(p.revision(), p.baseVersion(), p.rationale(), json.writeValueAsBytes(p.edits()),
                                Proposal.wire(Status.SUBMITTED), p.proposal())
                        .update();
                revision(p.proposal(), p.revision(), p.baseVersion(), p.rationale(), p.edits(), p.author(), at);
                activity(envelope, p.proposal(), "amended", p.revision(), p.author(), p.rationale(), null, null, null);
            }
            case ProposalChangesRequested p -> {
                jdbc.sql("UPDATE proposal_view SET status = ?, reason = ? WHERE id = ?")
                        .params(Proposal.wire(Status.CHANGES_REQUESTED), p.reason(), p.proposal()).update();
                activity(envelope, p.proposal(), "changes_requested", p.revision(), p.by(), p.reason(), null, null, null);
            }
            case ProposalCommented p -> activity(envelope, p.proposal(), "comment", p.revision(), p.author(), p.text(),
                    p.comment(), p.edit(), p.replyTo());
            case ProposalCommentResolved p -> activity(envelope, p.proposal(), "resolved", currentRevision(p.proposal()), p.by(),
                    null, p.comment(), null, null);
            case ProposalApprovalRecorded p -> activity(envelope, p.proposal(), "approval", p.revision(), p.by(), null, null,
                    null, null);
            case ProposalWithdrawn p -> {
                decide(p.proposal(), Status.WITHDRAWN, p.by(), at, null, null);
                activity(envelope, p.proposal(), "withdrawn", currentRevision(p.proposal()), p.by(), null, null, null, null);
            }
            case ProposalRejected p -> {
                decide(p.proposal(), Status.REJECTED, p.by(), at, p.reason(), null);
                activity(envelope, p.proposal(), "rejected", currentRevision(p.proposal()), p.by(), p.reason(), null, null, null);
            }
            case ProposalApproved p -> {
                decide(p.proposal(), Status.APPROVED, p.by(), at, null, p.version());
                activity(envelope, p.proposal(), "approved", currentRevision(p.proposal()), p.by(), null, null, null, null);
            }
            case ReviewPolicyChanged p -> jdbc.sql("""
                            INSERT INTO review_policy (list_id, sequence, required_approvals, author_counts, dismiss_on_amend,
                                                       changed_by, changed_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(p.listId(), envelope.sequence(), p.requiredApprovals(), p.authorCounts(), p.dismissOnAmend(), p.by(), at)
                    .update();
            default -> {
            }
        }
    }

    private void revision(String proposal, int revision, long base, String rationale, List<EditSpec> edits, String author,
                          Timestamp at) {
        jdbc.sql("""
                        INSERT INTO proposal_revision (proposal_id, revision, base_version, rationale, edits, author, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(proposal, revision, base, rationale, json.writeValueAsBytes(edits), author, at).update();
    }

    private void activity(EventEnvelope envelope, String proposal, String kind, int revision, String actor, String text,
                          String comment, Integer edit, String replyTo) {
        jdbc.sql("""
                        INSERT INTO proposal_activity (list_id, sequence, proposal_id, kind, revision, actor, text, comment_id,
                                                       edit_index, reply_to, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(envelope.listId(), envelope.sequence(), proposal, kind, revision, actor, text, comment, edit, replyTo,
                        Timestamp.from(envelope.timestamp()))
                .update();
    }

    private int currentRevision(String proposal) {
        return jdbc.sql("SELECT revision FROM proposal_view WHERE id = ?").param(proposal).query(Integer.class).optional().orElse(1);
    }

    /** One revision of a proposal's change set. */
    public record RevisionView(int revision, long baseVersion, String rationale, List<EditSpec> edits, String author,
                               Instant createdAt) {
    }

    public List<RevisionView> revisions(String proposal) {
        return jdbc.sql("""
                        SELECT revision, base_version, rationale, edits, author, created_at FROM proposal_revision
                        WHERE proposal_id = ? ORDER BY revision""")
                .param(proposal)
                .query((rs, n) -> new RevisionView(rs.getInt(1), rs.getLong(2), rs.getString(3), json.readValue(rs.getBytes(4), EDITS),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * One step of a review, in order. {@code kind}: submitted, comment, resolved, changes_requested,
     * amended, approval, approved, rejected or withdrawn; {@code comment} names a comment (its id, or
     * the one resolved), {@code edit} the edit a comment is about, {@code replyTo} the comment it answers.
     */
    public record ActivityView(long sequence, String kind, int revision, String actor, String text, String comment,
                               Integer edit, String replyTo, Instant at) {
    }

    public List<ActivityView> activity(String listId, String proposal) {
        return jdbc.sql("""
                        SELECT sequence, kind, revision, actor, text, comment_id, edit_index, reply_to, at FROM proposal_activity
                        WHERE list_id = ? AND proposal_id = ? ORDER BY sequence""")
                .params(listId, proposal)
                .query((rs, n) -> new ActivityView(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), (Integer) rs.getObject(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** The list's review policy now (the defaults until a curator sets one). */
    public ReviewPolicy policy(String listId) {
        return jdbc.sql("""
                        SELECT required_approvals, author_counts, dismiss_on_amend FROM review_policy WHERE list_id = ?
                        ORDER BY sequence DESC LIMIT 1""")
                .param(listId)
                .query((rs, n) -> new ReviewPolicy(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional().orElseGet(ReviewPolicy::defaults);
    }

    private void decide(String id, Status status, String by, Timestamp at, String reason, Long version) {
        jdbc.sql("UPDATE proposal_view SET status = ?, decided_by = ?, decided_at = ?, reason = ?, version = ? WHERE id = ?")
                .params(Proposal.wire(status), by, at, reason, version, id).update();
    }

    /**
     * A proposal's row with what its review says: the list's current review policy (absent: the
     * defaults) and the approvals recorded, as actor and revision in order. One query however many rows.
     */
    private static final String SELECT = """
            SELECT p.id, p.status, p.author, p.rationale, p.base_version, p.edits, p.created_at, p.decided_by, p.decided_at,
                   p.reason, p.version, p.revision, p.by_curator,
                   r.required_approvals, r.author_counts, r.dismiss_on_amend,
                   ARRAY(SELECT a.actor FROM proposal_activity a
                         WHERE a.proposal_id = p.id AND a.kind IN ('approval', 'approved') ORDER BY a.sequence),
                   ARRAY(SELECT a.revision FROM proposal_activity a
                         WHERE a.proposal_id = p.id AND a.kind IN ('approval', 'approved') ORDER BY a.sequence)
            FROM proposal_view p
            LEFT JOIN LATERAL (SELECT required_approvals, author_counts, dismiss_on_amend FROM review_policy r
                               WHERE r.list_id = p.list_id ORDER BY r.sequence DESC LIMIT 1) r ON true
            """;

    /** The list's proposals (with {@code status} if given) in {@code order}: {@code limit} from {@code offset}. */
    public List<ProposalView> forList(String listId, Status status, ProposalOrder order, int offset, int limit) {
        String orderBy = switch (order) {
            case NEWEST -> "p.created_at DESC, p.id";
            // whose turn (curators, the author, nobody), open ones oldest first, decided ones newest first
            case TURN -> """
                    CASE p.status WHEN 'submitted' THEN 0 WHEN 'changes_requested' THEN 1 ELSE 2 END,
                    CASE WHEN p.status IN ('submitted', 'changes_requested') THEN p.created_at END,
                    p.created_at DESC, p.id""";
        };
        return jdbc.sql(SELECT + """
                        WHERE p.list_id = :list AND (CAST(:status AS VARCHAR) IS NULL OR p.status = :status)
                        ORDER BY\s""" + orderBy + " LIMIT :limit OFFSET :offset")
                .param("list", listId).param("status", status == null ? null : Proposal.wire(status))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> view(rs)).list();
    }

    public Optional<ProposalView> byId(String listId, String id) {
        return jdbc.sql(SELECT + "WHERE p.list_id = ? AND p.id = ?")
                .params(listId, id)
                .query((rs, n) -> view(rs)).optional();
    }

    private ProposalView view(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp(9);
        String status = rs.getString(2);
        String author = rs.getString(3);
        int revision = rs.getInt(12);
        boolean byCurator = rs.getBoolean(13);
        ReviewPolicy policy = rs.getObject(14) == null ? ReviewPolicy.defaults()
                : new ReviewPolicy(rs.getInt(14), rs.getBoolean(15), rs.getBoolean(16));
        List<EditSpec> edits = json.readValue(rs.getBytes(6), EDITS);
        return new ProposalView(rs.getString(1), status, author, rs.getString(4), rs.getLong(5), edits,
                rs.getTimestamp(7).toInstant(), rs.getString(8), decided == null ? null : decided.toInstant(), rs.getString(10),
                (Long) rs.getObject(11), revision, byCurator, turn(status), edits.size(),
                Approvals.of(author, byCurator, revision, policy, (String[]) rs.getArray(17).getArray(),
                        (Integer[]) rs.getArray(18).getArray()));
    }

    /** Who the next step is up to: curators while submitted, the author while sent back for changes, nobody once decided. */
    private static String turn(String status) {
        return switch (Proposal.status(status)) {
            case SUBMITTED -> "curators";
            case CHANGES_REQUESTED -> "author";
            case APPROVED, REJECTED, WITHDRAWN -> null;
        };
    }

    /**
     * Where a proposal's approvals stand under the list's review policy now, by curation-core's
     * rule: {@code given} the approvals that count for its current revision, {@code needed} how many
     * the policy asks for, {@code by} whose they are (in the order given; the author first when the
     * policy counts a curator author's own proposal), so {@code given} is the size of {@code by}.
     */
    public record Approvals(int given, int needed, List<String> by) {

        static Approvals of(String author, boolean byCurator, int revision, ReviewPolicy policy, String[] actors,
                            Integer[] revisions) {
            // each curator's latest approval, in the order they first approved
            Map<String, Integer> latest = new LinkedHashMap<>();
            for (int i = 0; i < actors.length; i++) {
                latest.put(actors[i], revisions[i]);
            }
            List<String> by = new ArrayList<>();
            if (policy.authorCounts() && byCurator) {
                by.add(author);
            }
            latest.forEach((curator, approved) -> {
                if (!policy.dismissOnAmend() || approved == revision) {
                    by.add(curator);
                }
            });
            return new Approvals(by.size(), policy.requiredApprovals(), List.copyOf(by));
        }
    }

    /**
     * A proposal as readers see it: its latest revision's change set. {@code status}: submitted,
     * changes_requested, approved, rejected or withdrawn; {@code reason}: why it was rejected or sent back.
     * {@code turn}: {@code curators} while it waits for a curator's decision, {@code author} while it
     * waits for its author to amend it after a request for changes, null once decided or withdrawn;
     * {@code editCount}: the number of edits of its current revision ({@code edits} holds them).
     */
    public record ProposalView(String id, String status, String author, String rationale, long baseVersion,
                               List<EditSpec> edits, Instant createdAt, String decidedBy, Instant decidedAt,
                               String reason, Long version, int revision, boolean byCurator,
                               @Nullable String turn, int editCount, Approvals approvals) {

        /** This proposal as curation-core's rules see it, with the approvals its review recorded (curator: revision). */
        public Proposal proposal(Map<String, Integer> approvals) {
            return new Proposal(id, author, byCurator, revision, baseVersion, rationale, edits, Proposal.status(status), approvals,
                    Map.of());
        }
    }
}

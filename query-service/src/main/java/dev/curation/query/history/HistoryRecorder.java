package dev.curation.query.history;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.ListDocument;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ChangeSummary;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ProposalApproved;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records history as the projection applies events, in its transaction: every event with its
 * sentence, the items each changed, one row per completed version, and a snapshot every
 * {@value #SNAPSHOT_EVERY} versions. Nothing is kept in memory between events, so a version whose
 * events arrive in several batches is recorded the same way.
 */
@Component
public class HistoryRecorder {

    public static final int SNAPSHOT_EVERY = 50;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HistoryRecorder(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records one event; {@code before} is the document as it was before the event. */
    public void record(EventEnvelope envelope, ListDocument before) {
        jdbc.sql("""
                        INSERT INTO list_event (list_id, sequence, version, event_id, type, occurred_at, actor, correlation_id,
                                                summary, payload)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(envelope.listId(), envelope.sequence(), envelope.version(), envelope.eventId(), envelope.type(),
                        Timestamp.from(Instant.parse(envelope.timestamp())), envelope.actor(), envelope.correlationId(),
                        ChangeSummary.describe(envelope.payload(), before), json.writeValueAsBytes(envelope.payload()))
                .update();
        List<String> changed = envelope.payload() instanceof ListContentImported content
                ? content.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY).map(DocumentNode::id).toList()
                : ListEvents.changedItems(envelope.payload());
        for (String item : changed) {
            jdbc.sql("INSERT INTO item_change (list_id, item_id, version) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(envelope.listId(), item, envelope.version()).update();
        }
    }

    /**
     * Called on the last event of a command: records the version it completed, unless the command
     * made no version (proposal events) or the version is recorded already. {@code after} is the
     * document at that version.
     */
    public void complete(EventEnvelope last, ListDocument after) {
        String list = last.listId();
        long version = last.version();
        boolean known = jdbc.sql("SELECT count(*) FROM list_version WHERE list_id = ? AND version = ?")
                .params(list, version).query(Long.class).single() > 0;
        Optional<String> opening = jdbc.sql("""
                        SELECT type FROM list_event WHERE list_id = ? AND version = ?
                        AND type IN ('ListImported', 'ChangeSetApplied', 'ProposalApproved', 'VersionReverted')""")
                .params(list, version).query(String.class).optional();
        if (known || opening.isEmpty()) {
            return;
        }
        record Row(String type, String summary, String eventId, byte[] payload) {
        }
        List<Row> rows = jdbc.sql("SELECT type, summary, event_id, payload FROM list_event WHERE list_id = ? AND version = ? ORDER BY sequence")
                .params(list, version)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4))).list();
        List<String> sentences = rows.stream().map(Row::summary).filter(s -> s != null && !s.isEmpty()).toList();
        Row first = rows.stream().filter(r -> r.type().equals(opening.get())).findFirst().orElseThrow();
        String actor = last.actor() == null ? "someone" : last.actor();
        String kind;
        String proposal = null;
        String rationale = null;
        String summary = actor + " " + String.join(", ", sentences);
        switch (opening.get()) {
            case "ListImported" -> kind = "import";
            case "ChangeSetApplied" -> {
                kind = "edit";
                rationale = json.readValue(first.payload(), ChangeSetApplied.class).rationale();
            }
            case "ProposalApproved" -> {
                kind = "proposal";
                ProposalApproved approved = json.readValue(first.payload(), ProposalApproved.class);
                proposal = approved.proposal();
                rationale = approved.rationale();
                String author = jdbc.sql("SELECT author FROM proposal_view WHERE id = ?").param(proposal)
                        .query(String.class).optional().orElse("someone");
                summary = actor + " approved " + author + "'s proposal: " + String.join(", ", sentences);
            }
            default -> kind = "revert";
        }
        jdbc.sql("""
                        INSERT INTO list_version (list_id, version, occurred_at, actor, kind, summary, proposal, rationale, event_ids)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(list, version, Timestamp.from(Instant.parse(last.timestamp())), last.actor(), kind, summary,
                        proposal, rationale, String.join(",", rows.stream().map(Row::eventId).toList()))
                .update();
        if (version == 1 || version % SNAPSHOT_EVERY == 0) {
            jdbc.sql("INSERT INTO list_snapshot (list_id, version, nodes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(list, version, json.writeValueAsBytes(after.nodes()))
                    .update();
        }
    }
}

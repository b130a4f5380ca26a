package dev.curation.query.history;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.ListDocument;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ChangeSummary;
import dev.curation.core.list.CommitImported;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.GitCommit;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListImported;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.VersionReverted;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records history as the projection applies a batch of events, in its transaction: every event
 * with its sentence, the items each changed, one row per completed version, and a snapshot every
 * {@value #SNAPSHOT_EVERY} versions (more for large lists: {@link #snapshotInterval}). Rows are collected per batch and written with JDBC batches;
 * a version whose events span two batches is completed from the rows the first batch wrote.
 */
@Component
public class HistoryRecorder {

    public static final int SNAPSHOT_EVERY = 50;

    /**
     * Versions between snapshots of a list of {@code items} (sections and blocks, {@link dev.curation.core.document.ListDocument#itemCount()}): 50, doubled while
     * that stays within a tenth of the list. A snapshot holds the whole list, so a fixed interval
     * made the bytes written per version grow with the list (a 40k-entry list wrote 64 KB of
     * snapshot per version, and the projection fell minutes behind in the 20-minute chaos run);
     * this way they stay bounded, and reading a version replays at most about a tenth of the
     * list's size in events. A power of two, so every interval a list passes through divides the
     * next and no snapshot is skipped for long when the list shrinks.
     */
    static long snapshotInterval(int items) {
        long interval = SNAPSHOT_EVERY;
        while (interval * 2 <= items / 10) {
            interval *= 2;
        }
        return interval;
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    private final ListHistory history;

    HistoryRecorder(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, ListHistory history) {
        this.history = history;
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public Batch batch() {
        return new Batch();
    }

    /** One event of a version, as history keeps it. */
    private record Recorded(String type, String summary, String eventId, ListEvent payload) {
    }

    /** History rows of one batch, written by {@link #flush()}. */
    public final class Batch {
        private final List<Object[]> events = new ArrayList<>();
        private final Map<List<Object>, Object[]> items = new LinkedHashMap<>();
        /**
         * Versions (list id, version) whose first event is in this batch: no earlier batch wrote
         * their item rows, so those go in with COPY; the rows of a version begun in an earlier batch
         * may meet the ones it wrote, and are inserted with ON CONFLICT.
         */
        private final Set<List<Object>> openedHere = new HashSet<>();
        private final List<Object[]> versions = new ArrayList<>();
        private final List<Object[]> snapshots = new ArrayList<>();
        /** Authors of the proposals submitted in this batch, by list and proposal: not in the table before {@link #flush()}. */
        private final Map<List<String>, String> submittedNow = new HashMap<>();
        private final Map<String, List<Recorded>> open = new HashMap<>();
        /**
         * For a commit from git stored in parts (the whole file again), the list's nodes before it, by
         * id, while its parts arrive: a part's node that is one of them unchanged is not a change.
         */
        private final Map<String, Map<String, DocumentNode>> beforeParts = new HashMap<>();

        /**
         * Records one event; {@code payloadJson} is its payload as it arrived (stored as is),
         * {@code before} the document as it was before the event, {@code traceparent} the span
         * that projects it (the change streams' spans are its children), if traced.
         */
        public void record(EventEnvelope envelope, byte[] payloadJson, ListDocument before, @Nullable String traceparent) {
            // what changed, with the names its sentence needs; worded again whenever history is read
            ChangeSummary.Change change = ChangeSummary.change(envelope.payload(), before);
            String summary = change == null ? null : ChangeSummary.sentence(change);
            events.add(new Object[] {envelope.listId(), envelope.sequence(), envelope.version(), envelope.eventId(),
                    envelope.type(), Timestamp.from(envelope.timestamp()), envelope.actor(),
                    envelope.correlationId(), summary, payloadJson,
                    change == null ? null : json.writeValueAsString(change), traceparent});
            List<String> changed = envelope.payload() instanceof ListContentImported content
                    ? changedByPart(envelope, content)
                    : ListEvents.changedItems(envelope.payload());
            if (opensVersion(envelope.payload())) {
                openedHere.add(List.of(envelope.listId(), envelope.version()));
            }
            if (envelope.payload() instanceof CommitImported commit && commit.parts() > 0) {
                beforeParts.put(key(envelope), byId(before));
            }
            for (String item : changed) {
                items.putIfAbsent(List.of(envelope.listId(), item, envelope.version()),
                        new Object[] {envelope.listId(), item, envelope.version()});
            }
            if (envelope.payload() instanceof ProposalSubmitted submitted) {
                submittedNow.put(List.of(envelope.listId(), submitted.proposal()), submitted.author());
            }
            open.computeIfAbsent(key(envelope), k -> new ArrayList<>())
                    .add(new Recorded(envelope.type(), summary, envelope.eventId(), envelope.payload()));
        }

        /**
         * The items a part of the whole document changed. An import's parts: its entries (blame
         * credits the import with every item no version changed since). A commit's parts: the nodes
         * that are new or not as they were before the commit (when the version began in an earlier
         * batch, the list before it is read from the history the earlier batch wrote), so that blame
         * goes on crediting the lines the commit left alone to whoever wrote them.
         */
        private List<String> changedByPart(EventEnvelope envelope, ListContentImported content) {
            if (envelope.version() <= 1) {
                return content.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY).map(DocumentNode::id)
                        .toList();
            }
            Map<String, DocumentNode> before = beforeParts.computeIfAbsent(key(envelope),
                    k -> byId(history.fold(envelope.listId(), envelope.version() - 1)));
            return content.nodes().stream().filter(n -> !n.equals(before.get(n.id()))).map(DocumentNode::id).toList();
        }

        /** Called on the last event of a command: records the version it completed (commands on proposals make none). */
        public void complete(EventEnvelope last, ListDocument after) {
            beforeParts.remove(key(last));
            List<Recorded> recorded = open.remove(key(last));
            if (recorded == null || recorded.stream().allMatch(r -> isProposalOnly(r.payload()))) {
                return;
            }
            if (recorded.stream().noneMatch(r -> opensVersion(r.payload()))) {
                List<Recorded> earlier = earlierRows(last.listId(), last.version());
                earlier.addAll(recorded);
                recorded = earlier;
            }
            Recorded opening = recorded.stream().filter(r -> opensVersion(r.payload())).findFirst().orElseThrow();
            List<String> sentences = recorded.stream().map(Recorded::summary).filter(s -> s != null && !s.isEmpty()).toList();
            VersionKind kind;
            String proposal = null;
            String author = null;
            String rationale = null;
            switch (opening.payload()) {
                case ListImported e -> kind = VersionKind.IMPORT;
                case CommitImported e -> kind = VersionKind.COMMIT;
                case ChangeSetApplied e -> {
                    kind = VersionKind.EDIT;
                    rationale = e.rationale();
                }
                case ProposalApproved e -> {
                    kind = VersionKind.PROPOSAL;
                    proposal = e.proposal();
                    rationale = e.rationale();
                    author = author(last.listId(), proposal);
                }
                default -> kind = VersionKind.REVERT;
            }
            // a version from git is its commit's author's, at the author date, whoever sent it
            GitCommit commit = GitAuthorship.commitOf(opening.payload());
            String actor = commit == null ? last.actor() : GitAuthorship.actor(commit);
            Instant at = commit == null ? last.timestamp() : GitAuthorship.time(commit, last.timestamp());
            String summary = VersionSentence.of(actor, kind.wireName(), author, sentences);
            versions.add(new Object[] {last.listId(), last.version(), Timestamp.from(at),
                    actor, kind.wireName(), summary, proposal, rationale,
                    String.join(",", recorded.stream().map(Recorded::eventId).toList()),
                    commit == null ? null : commit.id(), commit == null ? null : json.writeValueAsBytes(commit)});
            if (last.version() == 1 || last.version() % snapshotInterval(after.itemCount()) == 0) {
                snapshots.add(new Object[] {last.listId(), last.version(), json.writeValueAsBytes(after.nodes())});
            }
        }

        /** Writes the batch's rows; call before anything reads them. */
        public void flush() {
            CopyRows.insert(template, "list_event", List.of("list_id", "sequence", "version", "event_id", "type", "occurred_at",
                    "actor", "correlation_id", "summary", "payload", "change", "traceparent"), events);
            // an item changed twice in a version is one row; a version spanning two batches may meet its rows again
            List<Object[]> fresh = new ArrayList<>();
            List<Object[]> continued = new ArrayList<>();
            items.values().forEach(row -> (openedHere.contains(List.of(row[0], row[2])) ? fresh : continued).add(row));
            CopyRows.insert(template, "item_change", List.of("list_id", "item_id", "version"), fresh);
            template.batchUpdate("INSERT INTO item_change (list_id, item_id, version) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    continued);
            CopyRows.insert(template, "list_version", List.of("list_id", "version", "occurred_at", "actor", "kind", "summary",
                    "proposal", "rationale", "event_ids", "git_commit_id", "git_commit"), versions);
            template.batchUpdate("INSERT INTO list_snapshot (list_id, version, nodes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", snapshots);
            template.batchUpdate("INSERT INTO proposal_author (list_id, proposal, author) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    submittedNow.entrySet().stream().map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1), e.getValue()})
                            .toList());
        }

        private String author(String listId, String proposal) {
            String now = submittedNow.get(List.of(listId, proposal));
            if (now != null) {
                return now;
            }
            return jdbc.sql("SELECT author FROM proposal_author WHERE list_id = ? AND proposal = ?").params(listId, proposal)
                    .query(String.class).optional().orElse("someone");
        }

        private List<Recorded> earlierRows(String listId, long version) {
            return new ArrayList<>(jdbc.sql("""
                            SELECT type, summary, event_id, payload FROM list_event WHERE list_id = ? AND version = ?
                            ORDER BY sequence""")
                    .params(listId, version)
                    .query((rs, n) -> new Recorded(rs.getString(1), rs.getString(2), rs.getString(3),
                            json.readValue(rs.getBytes(4), EventEnvelope.payloadType(rs.getString(1)))))
                    .list());
        }
    }

    private static Map<String, DocumentNode> byId(ListDocument document) {
        Map<String, DocumentNode> nodes = new HashMap<>();
        document.nodes().forEach(n -> nodes.put(n.id(), n));
        return nodes;
    }

    private static String key(EventEnvelope envelope) {
        return envelope.listId() + "/" + envelope.version() + "/" + envelope.correlationId();
    }

    private static boolean opensVersion(ListEvent payload) {
        return payload instanceof ListImported || payload instanceof ChangeSetApplied
                || payload instanceof ProposalApproved || payload instanceof VersionReverted
                || payload instanceof CommitImported;
    }

    /** Commands on proposals and on the list's settings make no version. */
    private static boolean isProposalOnly(ListEvent payload) {
        return ListEvents.makesNoVersion(payload);
    }
}

package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ReviewPolicyChanged;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A rebuild projects the whole topic into fresh tables while the live ones serve, and swaps them
 * in: the same read model, the same indexes and keys, nothing lost or doubled of what arrived
 * meanwhile, and the live projection carries on over the new tables. It rebuilds everything the
 * other tests of this context left in the topic too.
 */
class RebuildTest extends KafkaFedTest {

    private static final String MARKDOWN = "# Tools\n## Streams\n- [Kafka](https://kafka.apache.org) - A log.\n";

    @Test
    void aRebuildSwapsInTheSameReadModelAndTheLiveProjectionCarriesOn() throws Exception {
        // a list with history, one an operator released by discarding a record, one still quarantined
        String edited = UUID.randomUUID().toString();
        int events = importList(edited, "rebuild-edited", MARKDOWN).size();
        ListDocument document = read(MARKDOWN);
        long sequence = events;
        // enough versions that the rebuild writes their history with COPY, while the live side inserted it
        for (long version = 2; version <= 12; version++) {
            // what COPY's text format must escape (backslash, its null marker, tab), and more than ASCII
            sequence += applyEdits(edited, "rebuild-edited", document, version, sequence,
                    new Edit.AddLink("s2", null, "Link \\N " + version, "https://example.com/" + version + "?q=%5Cx",
                            "Version " + version + ", \u00fcber \\ all."),
                    new Edit.AddText("s2", null, "two\nlines\tand a tab, \\N " + version));
        }
        String released = UUID.randomUUID().toString();
        int releasedEvents = importList(released, "rebuild-released", MARKDOWN).size();
        RecordMetadata junk = sendRaw(released, "not an event".getBytes(StandardCharsets.UTF_8));
        ListDocument releasedDocument = read(MARKDOWN);
        applyEditsWithoutWaiting(released, releasedDocument, releasedEvents);
        awaitQuarantined(released);
        HttpResponse<byte[]> retried = post("/api/operations/quarantine/" + released + "/retry",
                "{\"discard\":[{\"partition\":" + junk.partition() + ",\"offset\":" + junk.offset() + "}]}");
        assertThat(retried.statusCode()).as(new String(retried.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        awaitVersion("rebuild-released", 2);
        String stuck = UUID.randomUUID().toString();
        importList(stuck, "rebuild-stuck", MARKDOWN);
        sendRaw(stuck, "{\"not\": \"an event\"}".getBytes(StandardCharsets.UTF_8));
        awaitQuarantined(stuck);

        // settings a curator set: the reads of them are what the events say, before and after the rebuild
        List<ListEvent> settings = List.of(new ReviewPolicyChanged(edited, 3, true, false, "alice"),
                new LintProfileChanged(edited, LintProfile.withChanges(Map.of("alphabetical", "warning"), true).toWire(), true,
                        "alice"));
        for (ListEvent setting : settings) {
            publish(edited, 12, sequence++, List.of(setting), 0, 1, false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/lists/rebuild-edited/lint-profile")
                .get("sameUrlInSections").asBoolean());
        JsonNode policy = getJson("/api/lists/rebuild-edited/review-policy");
        JsonNode profile = getJson("/api/lists/rebuild-edited/lint-profile");
        assertThat(policy.get("requiredApprovals").asInt()).isEqualTo(3);

        List<String> ours = List.of(edited, released, stuck);
        // the lint counts are made a moment after each version (LintCountKeeper): settled first
        await().atMost(Duration.ofSeconds(10)).until(() -> lintCountsSettled(ours));
        Map<String, Object> before = fingerprint(ours);
        long generation = generation();
        byte[] markdown = get("/api/lists/rebuild-edited/markdown").body();

        JsonNode started = startRebuild();
        assertThat(started.get("state").asString()).isEqualTo("running");
        assertProblem(post("/api/operations/rebuild", ""), 409, "already running");
        JsonNode done = awaitRebuild();
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("swapped");
        assertThat(done.get("records").asLong()).isGreaterThanOrEqualTo(done.get("recordsAtStart").asLong());

        // the swapped-in tables' lint counts are made again a moment later, to the same numbers
        await().atMost(Duration.ofSeconds(10)).until(() -> lintCountsSettled(ours));
        assertThat(fingerprint(ours)).isEqualTo(before);
        assertThat(generation()).isEqualTo(generation + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'curation\\_re%'").query(Long.class).single())
                .isZero();
        assertThat(get("/api/lists/rebuild-edited/markdown").body()).isEqualTo(markdown);
        assertThat(getJson("/api/lists/rebuild-edited/review-policy")).isEqualTo(policy);
        assertThat(getJson("/api/lists/rebuild-edited/lint-profile")).isEqualTo(profile);
        // the operator's discard held across the rebuild; the other list is still quarantined
        assertThat(getJson("/api/operations/quarantine").get("items").findValuesAsString("list"))
                .contains(stuck).doesNotContain(released);

        // the live projection goes on over the new tables, from the list as the rebuild left it
        applyEdits(edited, "rebuild-edited", document, 13, sequence,
                new Edit.AddLink("s2", null, "After", "https://example.com/after", "After the rebuild."));
        assertThat(new String(get("/api/lists/rebuild-edited/markdown").body(), StandardCharsets.UTF_8))
                .contains("[After](https://example.com/after)");
        assertThat(jdbc.sql("SELECT count(*) FROM list_version WHERE list_id = ?").param(edited).query(Long.class).single())
                .isEqualTo(13);
    }

    @Test
    void versionsPublishedDuringARebuildAreAllThereOnceAfterIt() throws Exception {
        String busy = UUID.randomUUID().toString();
        int events = importList(busy, "rebuild-busy", MARKDOWN).size();
        ListDocument document = read(MARKDOWN);
        startRebuild();
        long sequence = events;
        long version = 1;
        // edits keep coming while the rebuild reads, catches up and swaps
        while (version < 60) {
            version++;
            sequence += applyEdits(busy, "rebuild-busy", document, version, sequence,
                    new Edit.AddLink("s2", null, "Busy " + version, "https://example.com/busy/" + version, null));
            if (version > 20 && !awaitRebuildState().equals("running")) {
                break;
            }
        }
        JsonNode done = awaitRebuild();
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("swapped");
        long last = version;
        awaitVersion("rebuild-busy", last);
        assertThat(jdbc.sql("SELECT count(*), count(DISTINCT version), max(version) FROM list_version WHERE list_id = ?")
                .param(busy).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly(last, last, last);
        assertThat(jdbc.sql("SELECT count(*) FROM list_event WHERE list_id = ?").param(busy).query(Long.class).single())
                .isEqualTo(sequence);
        String markdown = new String(get("/api/lists/rebuild-busy/markdown").body(), StandardCharsets.UTF_8);
        for (long v = 2; v <= last; v++) {
            assertThat(markdown).containsOnlyOnce("[Busy " + v + "](https://example.com/busy/" + v + ")");
        }
    }

    @Test
    void oneRebuildAtATimeAcrossReplicas() throws Exception {
        // another replica's rebuild holds the session lock in the shared database
        try (var other = dataSource.getConnection(); var lock = other.prepareStatement("SELECT pg_advisory_lock(?)");
             var unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            lock.setLong(1, 0x6375726174696f6eL);
            lock.execute();
            assertProblem(post("/api/operations/rebuild", ""), 409, "another replica");
            unlock.setLong(1, 0x6375726174696f6eL);
            unlock.execute();
        }
        // let go: a rebuild runs, and lets go of the lock itself, so the next one runs too
        startRebuild();
        assertThat(awaitRebuild().get("state").asString()).isEqualTo("swapped");
        try (var other = dataSource.getConnection(); var held = other.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = ?")) {
            held.setLong(1, 0x6375726174696f6eL & 0xffffffffL);
            try (var result = held.executeQuery()) {
                result.next();
                assertThat(result.getLong(1)).as("advisory locks still held").isZero();
            }
        }
        startRebuild();
        assertThat(awaitRebuild().get("state").asString()).isEqualTo("swapped");
    }

    @Test
    void listsOfBothWorkersInterleavedAreRebuiltAsTheLiveProjectionAppliedThemInOrder() throws Exception {
        // the rebuild's two workers split the test topic's three partitions (0 and 2, 1): one list on each
        String first = idOnPartition(0);
        String second = idOnPartition(1);
        StringBuilder many = new StringBuilder("# Many\n## Links\n");
        for (int i = 0; i < 40; i++) {
            // more item rows in one version than COPY's threshold
            many.append("- [Link ").append(i).append("](https://example.com/many/").append(i).append(") - Number ").append(i)
                    .append(".\n");
        }
        long firstSequence = importList(first, "rebuild-first", many.toString()).size();
        long secondSequence = importList(second, "rebuild-second", MARKDOWN).size();
        ListDocument firstDocument = read(many.toString());
        ListDocument secondDocument = read(MARKDOWN);
        for (long version = 2; version <= 8; version++) {
            firstSequence += applyEdits(first, "rebuild-first", firstDocument, version, firstSequence,
                    new Edit.AddLink("s2", null, "First " + version, "https://example.com/first/" + version, null));
            secondSequence += applyEdits(second, "rebuild-second", secondDocument, version, secondSequence,
                    new Edit.AddLink("s2", null, "Second " + version, "https://example.com/second/" + version, null),
                    new Edit.AddText("s2", null, "Text " + version));
        }
        List<String> ours = List.of(first, second);
        await().atMost(Duration.ofSeconds(10)).until(() -> lintCountsSettled(ours));
        Map<String, Object> before = fingerprint(ours);

        startRebuild();
        JsonNode done = awaitRebuild();
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("swapped");
        assertThat(done.get("workers").asInt()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(10)).until(() -> lintCountsSettled(ours));
        assertThat(fingerprint(ours)).isEqualTo(before);
    }

    /** A new list id the producer's partitioner puts on {@code partition} of the test topic's three. */
    private static String idOnPartition(int partition) {
        while (true) {
            String id = UUID.randomUUID().toString();
            if (Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % 3 == partition) {
                return id;
            }
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    /** Every read model row of {@code lists}, and of all lists their heads, row counts, index and key names. */
    private Map<String, Object> fingerprint(List<String> lists) {
        Map<String, Object> rows = new LinkedHashMap<>();
        String[] ids = lists.toArray(String[]::new);
        Map<String, String> perList = Map.of(
                "list_view", "SELECT * FROM list_view WHERE id = ANY(?) ORDER BY id",
                // tx and position are where a row stands in the stream of all lists: a rebuild writes them anew (ADR 18)
                "list_event", "SELECT list_id, sequence, version, event_id, type, occurred_at, actor, correlation_id, summary, "
                        + "payload, change FROM list_event WHERE list_id = ANY(?) ORDER BY list_id, sequence",
                "list_version", "SELECT * FROM list_version WHERE list_id = ANY(?) ORDER BY list_id, version",
                "item_change", "SELECT * FROM item_change WHERE list_id = ANY(?) ORDER BY 1, 2, 3",
                "list_snapshot", "SELECT * FROM list_snapshot WHERE list_id = ANY(?) ORDER BY 1, 2",
                "entry_view", "SELECT * FROM entry_view WHERE list_id = ANY(?) ORDER BY 1, 2",
                "quarantined_list", "SELECT list_key FROM quarantined_list WHERE list_key = ANY(?) ORDER BY 1",
                "held_record", "SELECT topic_partition, record_offset, list_key, record_key, record_value FROM held_record "
                        + "WHERE list_key = ANY(?) ORDER BY 1, 2");
        perList.forEach((table, sql) -> rows.put(table, jdbc.sql(sql).param(ids).query().listOfRows().stream()
                .map(RebuildTest::printable).toList()));
        rows.put("all lists", jdbc.sql("SELECT id, slug, version, last_sequence, entry_count FROM list_view ORDER BY id")
                .query().listOfRows());
        for (String table : List.of("list_view", "list_event", "list_version", "item_change", "list_snapshot", "entry_view",
                "proposal_view", "proposal_author", "quarantined_list", "held_record", "proposal_revision", "proposal_activity",
                "review_policy")) {
            rows.put("count " + table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        rows.put("indexes", jdbc.sql("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                + "ORDER BY 1, 2").query().listOfRows());
        rows.put("keys", jdbc.sql("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                + "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2").query().listOfRows());
        return rows;
    }

    /** Byte arrays compared by content. */
    private static Map<String, Object> printable(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((k, v) -> copy.put(k, v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : v));
        return copy;
    }

    private long generation() {
        return jdbc.sql("SELECT generation FROM read_model_generation").query(Long.class).single();
    }

    private JsonNode startRebuild() throws Exception {
        HttpResponse<byte[]> started = post("/api/operations/rebuild", "");
        assertThat(started.statusCode()).as(new String(started.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValue("/api/operations/rebuild");
        return json.readTree(started.body());
    }

    private String awaitRebuildState() throws Exception {
        return getJson("/api/operations/rebuild").get("state").asString();
    }

    private JsonNode awaitRebuild() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> !awaitRebuildState().equals("running"));
        try {
            return getJson("/api/operations/rebuild");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitQuarantined(String list) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                getJson("/api/operations/quarantine").get("items").findValuesAsString("list").contains(list));
    }

    /** A change set on a list whose projection is held: published, not waited for. */
    private void applyEditsWithoutWaiting(String listId, ListDocument document, int firstSequence) throws Exception {
        List<ListEvent> events = new ArrayList<>();
        events.add(new ChangeSetApplied(listId, 2, 1, "test"));
        events.addAll(ListEditor.decide(listId, document, new IdSequence(2_000_000),
                List.of(new Edit.AddLink("s2", null, "Held", "https://example.com/held", null))));
        publish(listId, 2, firstSequence, events, 0, events.size(), false);
    }

    private boolean lintCountsSettled(List<String> lists) {
        return jdbc.sql("SELECT count(*) FROM list_view WHERE id = ANY(?) AND version > 0 AND lint_version IS DISTINCT FROM version")
                .param(lists.toArray(String[]::new)).query(Long.class).single() == 0;
    }
}

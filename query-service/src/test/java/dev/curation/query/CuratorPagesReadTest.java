package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ProposalAmended;
import dev.curation.core.list.ProposalApprovalRecorded;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalChangesRequested;
import dev.curation.core.list.ProposalRejected;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import dev.curation.core.list.ReviewPolicyChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the curator web app's pages read, each in one request: the list of lists with its counters,
 * who added and last changed each entry, and the review queue by whose turn it is.
 */
class CuratorPagesReadTest extends KafkaFedTest {

    private static final String MARKDOWN = """
            # Streams
            ## Logs
            - [Kafka](https://kafka.apache.org) - A distributed log.
            - [Pulsar](https://pulsar.apache.org) — tiered storage
            - [Kafka again](http://www.kafka.apache.org/) - The same page.
            ## Empty
            """;

    @Test
    void theListOfListsCountsOpenProposalsLintProblemsAndDeadLinks() throws Exception {
        String listId = UUID.randomUUID().toString();
        String slug = "counters-" + listId.substring(0, 8);
        String deadUrl = "https://dead.example/" + listId;
        // the link checker's verdict, there before the list: its sync marks the entry dead
        jdbc.sql("""
                        INSERT INTO link_state (url_hash, url, status, next_check_at)
                        VALUES (md5(?), ?, 'dead', now() + interval '1 day')""")
                .params(deadUrl, deadUrl).update();
        String markdown = MARKDOWN + "## Gone\n- [Gone](" + deadUrl + ") - A dead page.\n";
        long sequence = importList(listId, slug, markdown).size();
        ListDocument document = read(markdown);
        String quiet = "quiet-" + listId.substring(0, 8);
        importList(UUID.randomUUID().toString(), quiet, "# Quiet\n## Tools\n- [Kafka](https://kafka.apache.org) - A log.\n");

        // the lint counts follow a moment after the version (LintCountKeeper)
        JsonNode counted = awaitList(slug, l -> l.get("deadLinks").asInt() == 1 && l.get("lintWarnings").asInt() == 4);
        assertThat(counted.get("lintErrors").asInt()).isEqualTo(lint(slug).get("errors").asInt()).isEqualTo(1);
        assertThat(counted.get("lintWarnings").asInt()).isEqualTo(lint(slug).get("warnings").asInt()).isEqualTo(4);
        assertThat(counted.get("openProposals").asInt()).isZero();
        JsonNode none = awaitList(quiet, l -> true);
        assertThat(List.of(none.get("openProposals").asInt(), none.get("lintErrors").asInt(), none.get("lintWarnings").asInt(),
                none.get("deadLinks").asInt())).containsOnly(0);
        // the fields clients already read are still there
        assertThat(none.propertyNames()).contains("id", "slug", "version", "sections", "entries", "createdAt", "createdBy",
                "updatedAt", "updatedBy");

        // two open (one submitted, one sent back), one withdrawn, one rejected
        EditSpec add = new EditSpec("addLink", "s2", null, null, null, null, "Flink", "https://flink.apache.org", "Streams.",
                null, null);
        List<ListEvent> reviews = List.of(
                new ProposalSubmitted(listId, "c1", 1, null, List.of(add), "carol"),
                new ProposalSubmitted(listId, "c2", 1, null, List.of(add), "carol"),
                new ProposalChangesRequested(listId, "c2", 1, "why", "alice"),
                new ProposalSubmitted(listId, "c3", 1, null, List.of(add), "carol"),
                new ProposalWithdrawn(listId, "c3", "carol"),
                new ProposalSubmitted(listId, "c4", 1, null, List.of(add), "carol"),
                new ProposalRejected(listId, "c4", "alice", "no"));
        publishEach(listId, 1, sequence, reviews);
        sequence += reviews.size();
        assertThat(awaitList(slug, l -> l.get("openProposals").asInt() == 2).get("lintErrors").asInt()).isEqualTo(1);

        // a version: counted again (a lower-case description is one more warning)
        sequence += applyEdits(listId, slug, document, 2, sequence,
                new Edit.AddLink("s2", null, "Flink", "https://flink.apache.org", "stream processing."));
        JsonNode second = awaitList(slug, l -> l.get("version").asLong() == 2 && l.get("lintWarnings").asInt() == 5);
        assertThat(second.get("lintWarnings").asInt()).isEqualTo(lint(slug).get("warnings").asInt()).isEqualTo(5);

        // a new lint profile makes no version, and counts again: the doubled link is now a warning
        Map<String, String> rules = new TreeMap<>(LintProfile.defaults().toWire());
        rules.put("double-link", "warning");
        publishEach(listId, 2, sequence, List.of(new LintProfileChanged(listId, rules, false, "alice")));
        JsonNode relaxed = awaitList(slug, l -> l.get("lintErrors").asInt() == 0);
        assertThat(relaxed.get("lintWarnings").asInt()).isEqualTo(lint(slug).get("warnings").asInt()).isEqualTo(6);
        assertThat(relaxed.get("version").asLong()).isEqualTo(2);
        assertThat(relaxed.get("openProposals").asInt()).isEqualTo(2);
        assertThat(relaxed.get("deadLinks").asInt()).isEqualTo(1);
    }

    @Test
    void entryBlameNamesTheVersionWhoAndProposalThatAddedAndLastChangedEachEntry() throws Exception {
        String listId = UUID.randomUUID().toString();
        String slug = "entry-blame-" + listId.substring(0, 8);
        String markdown = "# Tools\n## Logs\n- [Kafka](https://kafka.apache.org) - A log.\n"
                + "- [Pulsar](https://pulsar.apache.org) - A log.\n## Queues\n- [RabbitMQ](https://www.rabbitmq.com) - A broker.\n";
        long sequence = importList(listId, slug, markdown).size();
        ListDocument document = read(markdown);
        // e3 Kafka, e4 Pulsar in s2; e6 RabbitMQ in s5
        // version 2: carol's proposal adds NATS to Queues, approved by alice
        EditSpec nats = new EditSpec("addLink", "s5", null, null, null, null, "NATS", "https://nats.io", "Messaging.", null, null);
        publishEach(listId, 1, sequence, List.of(new ProposalSubmitted(listId, "p-nats", 1, "a broker", List.of(nats), "carol")));
        sequence += 1;
        List<ListEvent> approval = approval(listId, document, "p-nats", 2, nats.toEdit("edits[0]"));
        publish(listId, 2, sequence, approval, 0, approval.size(), false);
        sequence += approval.size();
        awaitVersion(slug, 2);
        // version 3: a curator's edit moves Pulsar to Queues; version 4 retitles Kafka
        sequence += applyEdits(listId, slug, document, 3, sequence, new Edit.MoveLink("e4", "s5", null));
        applyEdits(listId, slug, document, 4, sequence,
                new Edit.EditLink("e3", "Apache Kafka", "https://kafka.apache.org", "A log."));

        JsonNode blame = getJson("/api/lists/" + slug + "/entries/blame");
        assertThat(blame.get("version").asLong()).isEqualTo(4);
        JsonNode items = blame.get("items");
        String natsId = document.entriesWithUrl("https://nats.io").getFirst();
        // document order: Logs (Kafka), then Queues (RabbitMQ, then what was added and moved there)
        List<String> order = document.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY)
                .map(DocumentNode::id).toList();
        assertThat(items.findValuesAsString("entry")).containsExactlyElementsOf(order).contains("e3", "e4", "e6", natsId);
        JsonNode kafka = entry(items, "e3");
        assertThat(kafka.get("addedIn").asLong()).isEqualTo(1);
        assertThat(kafka.get("addedBy").asString()).isEqualTo("alice");
        assertThat(kafka.get("addedThrough").isNull()).isTrue();
        assertThat(kafka.get("changedIn").asLong()).isEqualTo(4);
        JsonNode pulsar = entry(items, "e4");
        assertThat(List.of(pulsar.get("addedIn").asLong(), pulsar.get("changedIn").asLong())).containsExactly(1L, 3L);
        JsonNode rabbit = entry(items, "e6");
        assertThat(List.of(rabbit.get("addedIn").asLong(), rabbit.get("changedIn").asLong())).containsExactly(1L, 1L);
        JsonNode added = entry(items, natsId);
        assertThat(added.get("addedIn").asLong()).isEqualTo(2);
        // whose change it was: the proposal's author, through the proposal
        assertThat(added.get("addedBy").asString()).isEqualTo("carol");
        assertThat(added.get("addedThrough").asString()).isEqualTo("p-nats");
        assertThat(added.get("changedIn").asLong()).isEqualTo(2);
        assertThat(added.get("changedBy").asString()).isEqualTo("carol");
        assertThat(added.get("changedThrough").asString()).isEqualTo("p-nats");
        assertThat(added.propertyNames()).containsExactly("entry", "addedIn", "addedBy", "addedThrough", "changedIn", "changedBy",
                "changedThrough");

        // the consistency token as on every read of a list, and the usual refusals
        assertThat(getJson("/api/lists/" + slug + "/entries/blame?minVersion=4").get("version").asLong()).isEqualTo(4);
        assertProblem(get("/api/lists/" + slug + "/entries/blame?minVersion=x"), 400, "minVersion");
        assertProblem(get("/api/lists/no-such-list-" + listId.substring(0, 8) + "/entries/blame"), 404, "no-such-list");
    }

    @Test
    void tenThousandEntriesAnswerTheirBlameQuickly() throws Exception {
        String listId = UUID.randomUUID().toString();
        String slug = "entry-blame-10k-" + listId.substring(0, 8);
        StringBuilder markdown = new StringBuilder("# Big\n");
        for (int section = 0; section < 100; section++) {
            markdown.append("## Section ").append(section).append('\n');
            for (int entry = 0; entry < 100; entry++) {
                int n = section * 100 + entry;
                // mailto links: blame does not care, and 10,000 http URLs would keep this context's
                // link checker (rechecking every second in tests) busy for every test that follows
                markdown.append("- [Link ").append(n).append("](mailto:link").append(n).append("@example.com) - Link ").append(n)
                        .append(".\n");
            }
        }
        long sequence = importList(listId, slug, markdown.toString()).size();
        ListDocument document = read(markdown.toString());
        String last = document.sections().getFirst().sections().getLast().id();
        applyEdits(listId, slug, document, 2, sequence, new Edit.AddLink(last, null, "New", "https://example.com/new", "New."));

        long start = System.nanoTime();
        JsonNode blame = getJson("/api/lists/" + slug + "/entries/blame");
        long first = System.nanoTime() - start;
        start = System.nanoTime();
        getJson("/api/lists/" + slug + "/entries/blame");
        long again = System.nanoTime() - start;
        assertThat(blame.get("items")).hasSize(10_001);
        assertThat(blame.at("/items/10000/addedIn").asLong()).isEqualTo(2);
        assertThat(blame.at("/items/0/entry").asString()).isEqualTo(document.sections().getFirst().sections().getFirst()
                .blocks().getFirst().id());
        // the first read folds the version and runs the query; later reads of the version are kept (timed in
        // benchmarks, not here: printed for the curious)
        System.out.printf("entry blame of 10001 entries: first %d ms, again %d ms%n", first / 1_000_000, again / 1_000_000);
        int warnings = lint(slug).get("warnings").asInt();
        // the lint counts follow a moment after the version (LintCountKeeper)
        assertThat(awaitList(slug, l -> l.get("version").asLong() == 2 && l.get("lintWarnings").asInt() == warnings)
                .get("lintWarnings").asInt()).isEqualTo(warnings);
    }

    @Test
    void theReviewQueueSaysWhoseTurnItIsHowBigEachProposalIsAndWhereApprovalsStand() throws Exception {
        String listId = UUID.randomUUID().toString();
        String slug = "review-queue-" + listId.substring(0, 8);
        long sequence = importList(listId, slug, "# Review\n## Registries\n- [Nacos](https://nacos.io) - A registry.\n").size();
        EditSpec consul = new EditSpec("addLink", "s2", null, null, null, null, "Consul", "https://consul.io", "A mesh.", null, null);
        EditSpec etcd = new EditSpec("addLink", "s2", null, null, null, null, "etcd", "https://etcd.io", "A store.", null, null);
        List<ListEvent> events = List.of(
                new ReviewPolicyChanged(listId, 2, false, true, "alice"),
                // oldest: sent back, then amended (the curators' turn again) and approved once for its second revision
                new ProposalSubmitted(listId, "q-amended", 1, null, List.of(consul), "carol"),
                new ProposalApprovalRecorded(listId, "q-amended", 1, "bob", 1, 2),
                new ProposalChangesRequested(listId, "q-amended", 1, "etcd too", "alice"),
                new ProposalAmended(listId, "q-amended", 2, 1, null, List.of(consul, etcd), "carol"),
                new ProposalApprovalRecorded(listId, "q-amended", 2, "alice", 1, 2),
                // sent back, not amended since: the author's turn
                new ProposalSubmitted(listId, "q-waiting", 1, null, List.of(etcd), "dave"),
                new ProposalChangesRequested(listId, "q-waiting", 1, "a description please", "bob"),
                new ProposalSubmitted(listId, "q-withdrawn", 1, null, List.of(etcd), "dave"),
                new ProposalWithdrawn(listId, "q-withdrawn", "dave"),
                // newest: submitted by a curator
                new ProposalSubmitted(listId, "q-new", 1, null, List.of(etcd), "bob", true));
        publishEach(listId, 1, sequence, events);
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/lists/" + slug + "/proposals").get("items").size() == 4);

        JsonNode newest = getJson("/api/lists/" + slug + "/proposals").get("items");
        assertThat(newest.findValuesAsString("id")).containsExactly("q-new", "q-withdrawn", "q-waiting", "q-amended");
        JsonNode byTurn = getJson("/api/lists/" + slug + "/proposals?sort=turn").get("items");
        assertThat(byTurn.findValuesAsString("id")).containsExactly("q-amended", "q-new", "q-waiting", "q-withdrawn");
        assertThat(List.of(byTurn.get(0).get("turn").asString(), byTurn.get(1).get("turn").asString(),
                byTurn.get(2).get("turn").asString())).containsExactly("curators", "curators", "author");
        assertThat(byTurn.get(3).get("turn").isNull()).isTrue();
        assertThat(getJson("/api/lists/" + slug + "/proposals?sort=turn&status=submitted").get("items").findValuesAsString("id"))
                .containsExactly("q-amended", "q-new");

        JsonNode amended = byTurn.get(0);
        assertThat(amended.get("editCount").asInt()).isEqualTo(2);
        assertThat(amended.get("edits")).hasSize(2);
        // bob approved revision 1, dismissed by the amendment; alice's for revision 2 counts
        assertThat(amended.get("approvals").toString()).isEqualTo("{\"given\":1,\"needed\":2,\"by\":[\"alice\"]}");
        assertThat(byTurn.get(2).get("approvals").toString()).isEqualTo("{\"given\":0,\"needed\":2,\"by\":[]}");
        // the same on the proposal's own page, next to the review it sums up
        JsonNode one = getJson("/api/lists/" + slug + "/proposals/q-amended");
        assertThat(one.at("/proposal/turn").asString()).isEqualTo("curators");
        assertThat(one.at("/proposal/editCount").asInt()).isEqualTo(2);
        assertThat(one.at("/proposal/approvals/given").asInt()).isEqualTo(one.at("/review/counting").asInt());
        assertThat(getJson("/api/lists/" + slug + "/proposals/q-withdrawn").at("/proposal/turn").isNull()).isTrue();

        // a curator author counts when the policy says so: then the author is among those who approved
        publishEach(listId, 1, sequence + events.size(), List.of(new ReviewPolicyChanged(listId, 2, true, true, "alice")));
        JsonNode counted = await().atMost(Duration.ofSeconds(30)).until(
                () -> getJson("/api/lists/" + slug + "/proposals/q-new").at("/proposal/approvals"),
                a -> a.get("given").asInt() == 1);
        assertThat(counted.toString()).isEqualTo("{\"given\":1,\"needed\":2,\"by\":[\"bob\"]}");

        assertProblem(get("/api/lists/" + slug + "/proposals?sort=oldest"), 400, "sort", "newest", "turn");
    }

    private JsonNode awaitList(String slug, Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode list : getJson("/api/lists").get("items")) {
                if (list.get("slug").asString().equals(slug)) {
                    return list;
                }
            }
            return null;
        }, list -> list != null && ready.test(list));
    }

    private JsonNode lint(String slug) throws Exception {
        return getJson("/api/lists/" + slug + "/lint");
    }

    private static JsonNode entry(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("entry").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no entry " + id + " in " + items);
    }

    /** Each event as a command of its own (its own end of version), all at {@code version}. */
    private void publishEach(String listId, long version, long firstSequence, List<ListEvent> events) throws Exception {
        for (int i = 0; i < events.size(); i++) {
            publish(listId, version, firstSequence + i, List.of(events.get(i)), 0, 1, false);
        }
    }

    /** The events of approving {@code proposal} as {@code version}: the approval, then its edits' events. */
    private static List<ListEvent> approval(String listId, ListDocument document, String proposal, long version, Edit edit) {
        List<ListEvent> events = new ArrayList<>();
        events.add(new ProposalApproved(listId, proposal, "alice", version, version - 1, null));
        List<ListEvent> applied = ListEditor.decide(listId, document, new IdSequence(1_000_000 * version), List.of(edit));
        applied.forEach(e -> ListFold.apply(document, e));
        events.addAll(applied);
        return events;
    }
}

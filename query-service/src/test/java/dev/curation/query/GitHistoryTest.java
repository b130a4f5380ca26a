package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.decider.Actor;
import dev.curation.core.decider.Decision;
import dev.curation.core.decider.ListDecider;
import dev.curation.core.decider.ListState;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.ListDocument;
import dev.curation.core.input.InputLimits;
import dev.curation.core.list.CommitImported;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.GitCommit;
import dev.curation.core.list.GitPerson;
import dev.curation.core.list.GitSource;
import dev.curation.core.list.HistoryImported;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvent;
import dev.curation.embedded.TestInfrastructure;
import dev.curation.query.SseClient.Sse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A list whose history comes from git, over the real pipeline: events decided by curation-core's
 * decider as the command service decides them (the bridge's commits, each by its author at its
 * author date), published as the command service publishes them (sent by the importer, then by
 * the git bridge), read back through the API.
 */
class GitHistoryTest extends KafkaFedTest {

    private static final Actor BRIDGE = Actor.of("git-bridge", Actor.GIT_BRIDGE);
    private static final GitPerson ADA = new GitPerson("Ada Lovelace", "ada@example.org");
    private static final GitPerson GRACE = new GitPerson("Grace Hopper", "grace@example.org");
    private static final String REPOSITORY = "https://git.example/tools.git";

    private static final String FIRST = """
            # Tools

            Some tools we like.

            ## Queues

            * [Kafka](https://kafka.apache.org) - a log
            * [RabbitMQ](https://www.rabbitmq.com) - a broker

            ## Databases

            * [PostgreSQL](https://www.postgresql.org) - relational
            """;
    /** Grace changes one line. */
    private static final String SECOND = FIRST.replace("- a broker", "- a message broker");
    /** Ada removes Kafka, edits PostgreSQL's line (same URL) and adds SQLite. */
    private static final String THIRD = SECOND.replace("* [Kafka](https://kafka.apache.org) - a log\n", "")
            .replace("- relational\n", "- relational, and more\n* [SQLite](https://sqlite.org) - embedded\n");

    /** A list being published version by version, as the command service would, with the decider's state beside it. */
    private final class GitList {
        final String listId = UUID.randomUUID().toString();
        final String slug;
        final ListState state = ListState.initial();
        long sequence;

        GitList(String slug) {
            this.slug = slug;
        }

        /** Version 1: the import of the first commit's file, sent by the importer. */
        void importFirst(GitCommit commit, String markdown, int commits) throws Exception {
            List<ListEvent> events = ImportEvents.of(new ImportList(listId, slug, markdown, commit,
                    new GitSource(REPOSITORY, "main", "README.md", commits)));
            send(1, "alice", events);
        }

        /** The next commit, decided by the decider for the bridge, sent by the bridge; returns its events. */
        List<ListEvent> commit(GitCommit commit, String markdown, InputLimits limits) throws Exception {
            Decision decision = ListDecider.decide(state, new ListCommand.ImportCommit(listId, commit, markdown, null),
                    BRIDGE, (id, from, through) -> {
                        throw new AssertionError("a commit reads no past versions");
                    }, limits);
            send(decision.version(), BRIDGE.name(), decision.events());
            return decision.events();
        }

        void finish(String head) throws Exception {
            Decision decision = ListDecider.decide(state, new ListCommand.FinishHistoryImport(listId, head), BRIDGE,
                    (id, from, through) -> {
                        throw new AssertionError("finishing reads no past versions");
                    });
            assertThat(decision.events()).singleElement().isInstanceOf(HistoryImported.class);
            send(state.version(), BRIDGE.name(), decision.events());
        }

        /** A command of the list's owner (alice imported it) that makes no version; waits until it is applied. */
        void owner(ListCommand command) throws Exception {
            Decision decision = ListDecider.decide(state, command, Actor.of("alice"), (id, from, through) -> {
                throw new AssertionError("settings read no past versions");
            });
            assertThat(decision.events()).hasSize(1);
            send(state.version(), "alice", decision.events());
            long applied = sequence - 1;
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT last_sequence FROM list_view WHERE id = ?")
                    .param(listId).query(Long.class).single() >= applied);
        }

        private void send(long version, String actor, List<ListEvent> events) throws Exception {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(), "acks", "all"),
                    new StringSerializer(), new ByteArraySerializer())) {
                // one command: its events share a correlation id, as Axon gives them the command's
                String command = "cmd-" + listId + "-" + sequence;
                for (int i = 0; i < events.size(); i++) {
                    ListEvent event = events.get(i);
                    EventEnvelope envelope = new EventEnvelope(listId + "-" + sequence, EventEnvelope.typeName(event),
                            EventEnvelope.revisionOf(event.getClass()), listId, version, sequence, Instant.now(), actor,
                            command, i == events.size() - 1, event);
                    producer.send(new ProducerRecord<>(TOPIC, listId, json.writeValueAsBytes(envelope))).get();
                    state.evolve(event, version, actor);
                    sequence++;
                }
            }
            awaitVersion(slug, version);
        }
    }

    private static GitCommit commit(String id, GitPerson author, String authoredAt, String message) {
        return new GitCommit(id, author, authoredAt, List.of(), List.of(), message);
    }

    @Test
    void versionsFromGitAreTheirAuthorsAtTheirAuthorDatesAndTheListIsServedOnceImported() throws Exception {
        GitList list = new GitList("git-tools");
        GitCommit c1 = commit("1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ADA, "2019-05-01T09:00:00+02:00", "Start the list");
        GitCommit c2 = commit("2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", GRACE, "2020-02-03T14:30:00-05:00",
                "Describe RabbitMQ better\n\nIt is more than a broker.");
        GitCommit c3 = new GitCommit("3333333ccccccccccccccccccccccccccccccccc", ADA, "2020-06-07T08:00:00+01:00",
                List.of(GRACE), List.of(), "Databases: SQLite; Kafka goes");

        list.importFirst(c1, FIRST, 3);
        String postgres = idOf(list.state.document(), "PostgreSQL");
        String kafka = idOf(list.state.document(), "Kafka");
        // importing: the current list is refused, its versions are served
        JsonNode refused = assertProblem(get("/api/lists/git-tools/markdown"), 409, "version 1 of 3", "?version=");
        assertThat(refused.get("type").asString()).endsWith("importing");
        assertThat(refused.at("/import/state").asString()).isEqualTo("importing");
        assertProblem(get("/api/lists/git-tools"), 409, "version 1 of 3");
        assertThat(get("/api/lists/git-tools/markdown?version=1").body()).isEqualTo(FIRST.getBytes(StandardCharsets.UTF_8));

        list.commit(c2, SECOND, InputLimits.DEFAULTS);
        List<ListEvent> third = list.commit(c3, THIRD, InputLimits.DEFAULTS);
        assertThat(third).singleElement().isInstanceOf(CommitImported.class);
        assertProblem(get("/api/lists/git-tools/markdown"), 409, "version 3 of 3");
        assertThat(getJson("/api/lists/git-tools?version=2").at("/version").asLong()).isEqualTo(2);
        JsonNode summary = summary("git-tools");
        assertThat(summary.at("/import/state").asString()).isEqualTo("importing");
        assertThat(summary.at("/import/version").asLong()).isEqualTo(3);
        assertThat(summary.at("/import/commits").asInt()).isEqualTo(3);
        assertThat(summary.at("/import/repository").asString()).isEqualTo(REPOSITORY);

        // right after the third commit, the search index has the entries the file has, under their old ids
        ListDocument document = list.state.document();
        assertThat(entryRows(list.listId)).isEqualTo(entriesOf(document));
        assertThat(idOf(document, "PostgreSQL")).as("an edited entry keeps its id").isEqualTo(postgres);
        assertThat(entryRows(list.listId)).noneMatch(row -> row.getFirst().equals(kafka));

        // history: the authors and their author dates, the commit on every row
        JsonNode history = getJson("/api/lists/git-tools/history").get("items");
        assertThat(history).hasSize(3);
        JsonNode v3 = history.get(0);
        JsonNode v2 = history.get(1);
        JsonNode v1 = history.get(2);
        assertThat(v1.get("actor").asString()).isEqualTo("Ada Lovelace <ada@example.org>");
        assertThat(Instant.parse(v1.get("timestamp").asString())).isEqualTo(Instant.parse("2019-05-01T07:00:00Z"));
        assertThat(v1.get("kind").asString()).isEqualTo("import");
        assertThat(v1.at("/commit/id").asString()).isEqualTo(c1.id());
        assertThat(v2.get("actor").asString()).isEqualTo("Grace Hopper <grace@example.org>");
        assertThat(Instant.parse(v2.get("timestamp").asString())).isEqualTo(Instant.parse("2020-02-03T19:30:00Z"));
        assertThat(v2.get("kind").asString()).isEqualTo("commit");
        assertThat(v2.get("summary").asString()).isEqualTo(
                "Grace Hopper <grace@example.org> committed 2222222 in git: Describe RabbitMQ better");
        assertThat(v2.at("/commit/author/name").asString()).isEqualTo("Grace Hopper");
        assertThat(v2.at("/commit/author/email").asString()).isEqualTo("grace@example.org");
        assertThat(v2.at("/commit/authoredAt").asString()).isEqualTo("2020-02-03T14:30:00-05:00");
        assertThat(v2.at("/commit/message").asString()).isEqualTo(c2.message());
        assertThat(v3.at("/commit/coAuthors/0/email").asString()).isEqualTo("grace@example.org");
        assertThat(v3.at("/commit/mergedAuthors").size()).isZero();
        JsonNode one = getJson("/api/lists/git-tools/history/2");
        assertThat(one.get("actor").asString()).isEqualTo("Grace Hopper <grace@example.org>");
        assertThat(one.at("/commit/id").asString()).isEqualTo(c2.id());
        assertThat(getJson("/api/lists/git-tools/history?kind=commit").get("items")).hasSize(2);
        assertThat(getJson("/api/lists/git-tools/history?to=2020-01-01T00:00:00Z").get("items")).hasSize(1);
        // time travel goes by the author dates
        assertThat(get("/api/lists/git-tools/markdown?at=2020-03-01T00:00:00Z").body())
                .isEqualTo(SECOND.getBytes(StandardCharsets.UTF_8));

        // blame: the first author keeps the lines no later commit touched
        Map<String, JsonNode> blame = new TreeMap<>();
        getJson("/api/lists/git-tools/blame").get("items").forEach(line -> blame.put(line.get("text").asString(), line));
        assertThat(blame.get("Some tools we like.").get("actor").asString()).isEqualTo("Ada Lovelace <ada@example.org>");
        assertThat(blame.get("## Queues").get("version").asLong()).isEqualTo(1);
        JsonNode rabbit = blame.get("* [RabbitMQ](https://www.rabbitmq.com) - a message broker");
        assertThat(rabbit.get("version").asLong()).isEqualTo(2);
        assertThat(rabbit.get("actor").asString()).isEqualTo("Grace Hopper <grace@example.org>");
        assertThat(blame.get("* [SQLite](https://sqlite.org) - embedded").get("version").asLong()).isEqualTo(3);
        assertThat(blame.get("* [PostgreSQL](https://www.postgresql.org) - relational, and more").get("version").asLong())
                .isEqualTo(3);

        // the entry's history names the commits that changed it
        JsonNode rabbitHistory = getJson("/api/lists/git-tools/entries/" + idOf(document, "RabbitMQ") + "/history").get("items");
        assertThat(rabbitHistory).hasSize(2);
        assertThat(rabbitHistory.get(0).get("actor").asString()).isEqualTo("Grace Hopper <grace@example.org>");
        assertThat(rabbitHistory.get(0).at("/commit/id").asString()).isEqualTo(c2.id());

        // the import completes: the list is served as usual
        list.finish(c3.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/lists/git-tools/markdown").statusCode() == 200);
        assertThat(get("/api/lists/git-tools/markdown").body()).isEqualTo(THIRD.getBytes(StandardCharsets.UTF_8));
        JsonNode structure = getJson("/api/lists/git-tools");
        assertThat(structure.at("/import/state").asString()).isEqualTo("complete");
        assertThat(structure.at("/import/path").asString()).isEqualTo("README.md");
        assertThat(structure.has("git")).isFalse();
        assertThat(summary("git-tools").at("/import/state").asString()).isEqualTo("complete");
        assertThat(getJson("/api/lists/git-tools/history").get("items")).hasSize(3);

        // the change stream tells each version as its author's, and the import's end as a settings change
        List<Sse> changes = new SseClient(http, json, port).read("/api/lists/git-tools/stream", null, 4);
        assertThat(changes.get(1).data().get("actor").asString()).isEqualTo("Grace Hopper <grace@example.org>");
        assertThat(Instant.parse(changes.get(1).data().get("at").asString())).isEqualTo(Instant.parse("2020-02-03T19:30:00Z"));
        assertThat(changes.get(1).data().get("kind").asString()).isEqualTo("commit");
        assertThat(changes.get(1).data().at("/commit/id").asString()).isEqualTo(c2.id());
        assertThat(changes.get(3).name()).isEqualTo("settings");
        assertThat(changes.get(3).data().get("type").asString()).isEqualTo("HistoryImported");

        // the feed names the authors too
        String feed = new String(get("/api/lists/git-tools/feed.atom").body(), StandardCharsets.UTF_8);
        assertThat(feed).contains("Grace Hopper &lt;grace@example.org&gt;");
    }

    @Test
    void aCommitTooLargeForStepsComesAsTheWholeFileInPartsAndBlameStillNamesTheFirstAuthor() throws Exception {
        GitList list = new GitList("git-parts");
        String first = "# Many\n\nIntro that stays.\n\n## Links\n\n" + IntStream.range(0, 60)
                .mapToObj(i -> "* [Site " + i + "](https://site" + i + ".example) - first words about site number " + i + "\n")
                .collect(Collectors.joining());
        // Grace rewrites the descriptions of the first 50 (more than one event of steps), drops site 59, adds one
        String second = first;
        for (int i = 0; i < 50; i++) {
            second = second.replace("first words about site number " + i + "\n", "new words, much longer than before, about "
                    + "site number " + i + "\n");
        }
        second = second.replace("* [Site 59](https://site59.example) - first words about site number 59\n",
                "* [Newcomer](https://newcomer.example) - added by Grace\n");
        GitCommit c1 = commit("aaaa", ADA, "2019-01-02T03:04:05Z", "Many links");
        GitCommit c2 = commit("bbbb", GRACE, "2020-01-02T03:04:05+09:00", "Rewrite");
        InputLimits small = new InputLimits(500, 64 * 1024, 200_000, 16 * 1024);

        list.importFirst(c1, first, 2);
        ListDocument before = ListDocument.of(List.copyOf(list.state.document().nodes()));
        List<ListEvent> events = list.commit(c2, second, small);
        assertThat(events.getFirst()).isInstanceOfSatisfying(CommitImported.class, c -> {
            assertThat(c.parts()).isGreaterThan(1);
            assertThat(c.steps()).isEmpty();
        });
        assertThat(events.subList(1, events.size())).allMatch(ListContentImported.class::isInstance);

        assertThat(get("/api/lists/git-parts/markdown?version=2").body()).isEqualTo(second.getBytes(StandardCharsets.UTF_8));
        assertThat(entryRows(list.listId)).isEqualTo(entriesOf(list.state.document()));
        String site55 = idOf(before, "Site 55");
        assertThat(idOf(list.state.document(), "Site 55")).isEqualTo(site55);

        Map<String, JsonNode> blame = new TreeMap<>();
        getJson("/api/lists/git-parts/blame").get("items").forEach(line -> blame.put(line.get("text").asString(), line));
        assertThat(blame.get("Intro that stays.").get("actor").asString()).isEqualTo("Ada Lovelace <ada@example.org>");
        assertThat(blame.get("* [Site 55](https://site55.example) - first words about site number 55").get("version").asLong())
                .isEqualTo(1);
        assertThat(blame.get("* [Site 3](https://site3.example) - new words, much longer than before, about site number 3")
                .get("actor").asString()).isEqualTo("Grace Hopper <grace@example.org>");
        assertThat(blame.get("* [Newcomer](https://newcomer.example) - added by Grace").get("version").asLong()).isEqualTo(2);
        JsonNode v2 = getJson("/api/lists/git-parts/history/2");
        assertThat(v2.get("kind").asString()).isEqualTo("commit");
        assertThat(Instant.parse(v2.get("timestamp").asString())).isEqualTo(Instant.parse("2020-01-01T18:04:05Z"));

        // a bridge set and removed passes through: settings, no version, shown while set
        list.finish(c2.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/lists/git-parts").statusCode() == 200);
        assertThat(getJson("/api/lists/git-parts").has("git")).isFalse();
        list.owner(new ListCommand.SetGitBridge(list.listId, "https://git.example/parts.git", "main", "docs/list.md", true,
                false));
        JsonNode git = getJson("/api/lists/git-parts").get("git");
        assertThat(git.get("repository").asString()).isEqualTo("https://git.example/parts.git");
        assertThat(git.get("path").asString()).isEqualTo("docs/list.md");
        assertThat(git.get("publish").asBoolean()).isTrue();
        assertThat(git.get("pull").asBoolean()).isFalse();
        list.owner(new ListCommand.RemoveGitBridge(list.listId));
        assertThat(getJson("/api/lists/git-parts").has("git")).isFalse();
        assertThat(getJson("/api/lists/git-parts").get("version").asLong()).isEqualTo(2);
    }

    private JsonNode summary(String slug) throws Exception {
        return StreamSupport.stream(getJson("/api/lists").get("items").spliterator(), false)
                .filter(l -> slug.equals(l.get("slug").asString())).findFirst().orElseThrow();
    }

    private static String idOf(ListDocument document, String title) {
        return document.nodes().stream().filter(n -> title.equals(n.title())).findFirst().orElseThrow().id();
    }

    /** The list's entries as the search index should hold them: id, section, title, URL, description. */
    private static Set<List<String>> entriesOf(ListDocument document) {
        return document.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY)
                .map(n -> List.of(n.id(), String.valueOf(n.parent()), n.title(), n.url(),
                        n.description() == null ? "" : n.description()))
                .collect(Collectors.toSet());
    }

    private Set<List<String>> entryRows(String listId) {
        List<List<String>> rows = new ArrayList<>(jdbc.sql("""
                        SELECT id, section_id, title, url, description FROM entry_view WHERE list_id = ?""")
                .param(listId)
                .query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list());
        Set<List<String>> set = Set.copyOf(rows);
        assertThat(set).as("one row per entry").hasSize(rows.size());
        return set;
    }
}

package dev.curation.command.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.list.CommitImported;
import dev.curation.core.list.HistoryImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ListImported;
import dev.curation.embedded.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list imported with its git history over real HTTP, from a real repository, into the real
 * event store: one version per commit that changed the file, credited to its author at its date,
 * the Markdown at each version the file at its commit, and an import run again (as after a crash)
 * doubling nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
// its git workers and pool go with it: the suite's cached contexts share one PostgreSQL
@DirtiesContext
class GitImportTest {

    @TempDir
    static Path repositories;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("command"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TestInfrastructure.uniqueName("list-events"));
        registry.add("curation.git.allow-file", () -> "true");
    }

    /** The file's states, commit id to content, in order. */
    private static final Map<String, String> VERSIONS = new LinkedHashMap<>();
    private static String url;

    @BeforeAll
    static void history() throws Exception {
        try (TestRepository repo = TestRepository.create(repositories.resolve("awesome"))) {
            String v1 = "# Awesome\n\n## Tools\n\n* [Kafka](https://kafka.apache.org) - log\n";
            VERSIONS.put(repo.commit("readme.md", v1, "Jane Doe", "2019-03-01T10:00:00+08:00", "Start the list"), v1);
            repo.commit("LICENSE", "MIT\n", "Jane Doe", "2019-03-02T10:00:00+08:00", "Add a licence");
            String v2 = v1 + "* [Pulsar](https://pulsar.apache.org) - messaging\n";
            VERSIONS.put(repo.commit("readme.md", v2, "Wang Wei", "2019-05-01T09:00:00+08:00", "Add Pulsar"), v2);
            repo.rename("readme.md", "README.md", "Jane Doe", "2020-01-01T00:00:00Z");
            String v3 = v2.replace("- log", "- a distributed log") + "\r\n## Books\r\n\r\n* [DDIA](https://dataintensive.net)\r\n";
            VERSIONS.put(repo.commit("README.md", v3, "Jane Doe", "2020-02-01T12:00:00-05:00",
                    "Describe Kafka, add books\n\nCo-authored-by: Wang Wei <wang.wei@example.com>"), v3);
            url = repo.url();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    EventStore events;
    @Autowired
    GitImports imports;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyCommitOfTheFileBecomesOneVersionByItsAuthorAndARunAgainDoublesNothing() throws Exception {
        HttpResponse<String> started = post("/api/lists?slug=awesome", "alice",
                "{\"git\":{\"repository\":\"" + url + "\",\"branch\":\"main\",\"path\":\"README.md\"}}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValue("/api/lists/awesome/git/import");
        JsonNode body = json.readTree(started.body());
        String listId = body.get("id").asString();
        assertThat(body.get("commits").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> state("awesome").equals("complete"));

        List<List<ListEvent>> versions = versions(listId);
        assertThat(versions).hasSize(3);
        List<String> commits = new ArrayList<>(VERSIONS.keySet());
        List<ListEvent> sofar = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sofar.addAll(versions.get(i));
            assertThat(MarkdownWriter.write(ListFold.fold(sofar))).as("version %d", i + 1)
                    .isEqualTo(VERSIONS.get(commits.get(i)));
        }
        ListImported first = (ListImported) versions.getFirst().getFirst();
        assertThat(first.commit().id()).isEqualTo(commits.getFirst());
        assertThat(first.commit().author().name()).isEqualTo("Jane Doe");
        assertThat(first.commit().authoredAt()).isEqualTo("2019-03-01T10:00+08:00");
        assertThat(first.git().commits()).isEqualTo(3);
        CommitImported second = (CommitImported) versions.get(1).getFirst();
        assertThat(second.commit().author()).satisfies(a -> assertThat(a.display()).isEqualTo("Wang Wei <wang.wei@example.com>"));
        assertThat(second.removed()).isEmpty();
        CommitImported third = (CommitImported) versions.get(2).getFirst();
        assertThat(third.commit().coAuthors()).extracting(p -> p.name()).containsExactly("Wang Wei");
        assertThat(versions.get(2)).last().isInstanceOf(HistoryImported.class);

        // as after a crash that lost the import's place: the commits are sent again and change nothing
        long stored = eventCount(listId);
        jdbc.sql("UPDATE git_import SET state = 'running', last_commit = ? WHERE list_id = ?")
                .params(commits.getFirst(), listId).update();
        imports.run(listId);
        assertThat(state("awesome")).isEqualTo("complete");
        assertThat(eventCount(listId)).isEqualTo(stored);
    }

    @Test
    void aMissingBranchOrFileOrAForbiddenAddressIsNamedAndNothingIsCreated() throws Exception {
        assertField(post("/api/lists?slug=nobranch", "alice",
                "{\"git\":{\"repository\":\"" + url + "\",\"branch\":\"nope\",\"path\":\"README.md\"}}"), 400, "branch");
        assertField(post("/api/lists?slug=nofile", "alice",
                "{\"git\":{\"repository\":\"" + url + "\",\"branch\":\"main\",\"path\":\"MISSING.md\"}}"), 400, "path");
        assertField(post("/api/lists?slug=private", "alice",
                "{\"git\":{\"repository\":\"https://127.0.0.1/x.git\",\"branch\":\"main\",\"path\":\"README.md\"}}"), 400,
                "repository");
        assertField(post("/api/lists?slug=secret", "alice",
                "{\"git\":{\"repository\":\"https://me:pw@github.com/x.git\",\"branch\":\"main\",\"path\":\"README.md\"}}"),
                400, "repository");
        assertThat(post("/api/lists?slug=carol", "carol",
                "{\"git\":{\"repository\":\"" + url + "\",\"branch\":\"main\",\"path\":\"README.md\"}}").statusCode())
                .as("contributors import nothing").isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM list_slug WHERE slug IN ('nobranch', 'nofile', 'private', 'secret', 'carol')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aVersionThatIsNotUtf8IsSkippedAndCountedAndTheNextCommitBringsItsChange() throws Exception {
        String latin1Url;
        String last = "# Caf\u00e9s\n\n* [Two](https://two.example)\n";
        try (TestRepository repo = TestRepository.create(repositories.resolve("latin1"))) {
            repo.commit("README.md", "# Cafes\n", "Jane Doe", "2021-01-01T00:00:00Z", "Start");
            repo.commitBytes("README.md", "# Caf\u00e9s\n".getBytes(StandardCharsets.ISO_8859_1),
                    "Jane Doe", "2021-01-02T00:00:00Z", "An editor in Latin-1");
            repo.commit("README.md", last, "Wang Wei", "2021-01-03T00:00:00Z", "Back to UTF-8");
            latin1Url = repo.url();
        }

        HttpResponse<String> started = post("/api/lists?slug=latin1", "alice",
                "{\"git\":{\"repository\":\"" + latin1Url + "\",\"branch\":\"main\",\"path\":\"README.md\"}}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> state("latin1").equals("complete"));
        JsonNode progress = json.readTree(http.send(HttpRequest.newBuilder(uri("/api/lists/latin1/git/import"))
                .header("Authorization", basic("alice")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(progress.get("skipped").asInt()).isEqualTo(1);
        assertThat(progress.get("version").asInt()).isEqualTo(2);
        List<List<ListEvent>> versions = versions(progress.get("id").asString());
        assertThat(versions).hasSize(2);
        List<ListEvent> all = new ArrayList<>();
        versions.forEach(all::addAll);
        assertThat(MarkdownWriter.write(ListFold.fold(all))).isEqualTo(last);
    }

    private void assertField(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("field").asString()).isEqualTo(field);
    }

    private String state(String slug) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/lists/" + slug + "/git/import"))
                .header("Authorization", basic("alice")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("state").asString();
    }

    /** The list's events by version, settings and proposals included with the version they share. */
    private List<List<ListEvent>> versions(String listId) {
        Map<Long, List<ListEvent>> byVersion = new LinkedHashMap<>();
        DomainEventStream stream = events.readEvents(listId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            long version = ((Number) message.getMetaData().get("listVersion")).longValue();
            byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add((ListEvent) message.getPayload());
        }
        return new ArrayList<>(byVersion.values());
    }

    private long eventCount(String listId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(listId)
                .query(Long.class).single();
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", basic(user)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}

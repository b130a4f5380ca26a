package dev.curation.command.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.list.CommitImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.embedded.TestInfrastructure;
import dev.curation.git.TestGitServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list bridged to a real git server over HTTP with Basic credentials: an edit here becomes a
 * commit by its editor with the trailers, read back by the git command line; an outside commit
 * becomes a version by its author; a clash on one entry keeps both sides' work (ours applied, theirs
 * a proposal by the git author) and both commits in the branch; the bridge takes in none of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
// its git workers and pool go with it: the suite's cached contexts share one PostgreSQL
@DirtiesContext
class GitBridgeTest {

    private static final String FILE = "# Awesome\n\n## Tools\n\n* [Kafka](https://kafka.apache.org) - log\n"
            + "* [Nacos](https://nacos.io) - config\n* [Redis](https://redis.io) - cache\n";

    @TempDir
    static Path dirs;
    private static TestGitServer server;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        server = TestGitServer.start(dirs.resolve("server"), "gituser", "gitpass");
        server.createRepository("awesome.git", "main", "README.md", FILE.getBytes(StandardCharsets.UTF_8));
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("command"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TestInfrastructure.uniqueName("list-events"));
        registry.add("curation.git.allow-plain-http", () -> "true");
        registry.add("curation.git.allow-private-addresses", () -> "true");
        registry.add("curation.git.poll-interval", () -> "300ms");
        registry.add("curation.git.work-dir", () -> dirs.resolve("work").toString());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    EventStore events;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void editsHereBecomeCommitsAndCommitsThereBecomeVersionsAndAClashBecomesAProposal() throws Exception {
        String credentials = "\"credentials\":{\"username\":\"gituser\",\"password\":\"gitpass\"}";
        String location = "\"repository\":\"" + server.url("awesome.git") + "\",\"branch\":\"main\",\"path\":\"README.md\"";
        HttpResponse<String> imported = send("POST", "/api/lists?slug=awesome", "alice",
                "{\"git\":{" + location + "," + credentials + "}}");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);
        String listId = json.readTree(imported.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(send("GET", "/api/lists/awesome/git/import",
                "alice", null).body()).get("state").asString().equals("complete"));

        // a password in the URL is refused, and the answer never holds the password
        HttpResponse<String> set = send("PUT", "/api/lists/awesome/git", "alice",
                "{" + location + ",\"publish\":true,\"pull\":true," + credentials + "}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).doesNotContain("gitpass");
        assertThat(send("PUT", "/api/lists/awesome/git", "bob", "{" + location + ",\"publish\":true}").statusCode())
                .as("only owners set the bridge").isEqualTo(403);
        await().atMost(Duration.ofSeconds(20)).until(() -> bridge().get("state").asString().equals("in-sync"));
        String start = server.head("awesome.git", "main");
        assertThat(bridge().get("lastCommit").asString()).isEqualTo(start);

        // an edit here: one commit by its editor, with the trailers, the file the list's export
        String kafka = entry(listId, "https://kafka.apache.org");
        assertThat(send("POST", "/api/lists/awesome/edits", "bob", "{\"rationale\":\"Say what Kafka is\",\"edits\":[{"
                + "\"op\":\"editLink\",\"entry\":\"" + kafka + "\",\"description\":\"a distributed log\"}]}").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !Objects.equals(server.head("awesome.git", "main"), start));
        Git clone = Git.cloned(server.urlWithCredentials("awesome.git", "gituser", "gitpass"), dirs.resolve("clone"));
        assertThat(clone.file("README.md")).isEqualTo(markdown(listId)).contains("a distributed log");
        assertThat(clone.run("log", "-1", "--format=%an|%ae|%cn|%s")).isEqualTo(
                "bob|bob@users.noreply.invalid|Curation|Say what Kafka is\n");
        assertThat(clone.run("log", "-1", "--format=%(trailers:key=Curation-List,valueonly)%(trailers:key=Curation-Version,valueonly)"))
                .isEqualTo(listId + "\n2\n\n");
        assertThat(clone.run("show", "--stat", "--format=", "HEAD")).contains("README.md | 2 +-");

        // a commit there: a version here by its author; the bridge takes in none of its own
        clone.write("README.md", clone.file("README.md").replace("- cache", "- an in-memory store"));
        clone.commitAndPush("Wang Wei", "Describe Redis better");
        await().atMost(Duration.ofSeconds(20)).until(() -> markdown(listId).contains("an in-memory store"));
        assertThat(commitsImported(listId)).extracting(c -> c.commit().author().name()).containsExactly("Wang Wei");

        // both sides change Nacos (a clash) and theirs also changes Redis: Redis merges, Nacos stays ours and
        // theirs becomes a proposal by the git author; both commits are in the branch
        await().atMost(Duration.ofSeconds(20)).until(() -> bridge().get("state").asString().equals("in-sync"));
        clone.run("pull", "-q", "origin", "main");
        String nacos = entry(listId, "https://nacos.io");
        clone.write("README.md", clone.file("README.md").replace("- config", "- configuration service")
                .replace("- an in-memory store", "- an in-memory data store"));
        clone.commit("Wang Wei", "Describe Nacos");
        // the server holds the bridge's pushes meanwhile: bob's edit must not reach the branch before Wang
        // Wei's commit does (the bridge syncs every 300 ms, and a busy machine once let it in between);
        // his commit goes into the served repository beside the server, as another host's push would
        server.refusePushes("held by the test");
        assertThat(send("POST", "/api/lists/awesome/edits", "bob", "{\"edits\":[{\"op\":\"editLink\",\"entry\":\""
                + nacos + "\",\"description\":\"service discovery\"}]}").statusCode()).isEqualTo(200);
        clone.run("push", "-q", dirs.resolve("server").resolve("awesome.git").toString(), "HEAD:main");
        server.refusePushes(null);
        await().atMost(Duration.ofSeconds(30)).until(() -> markdown(listId).contains("an in-memory data store")
                && proposals(listId).size() == 1);
        assertThat(markdown(listId)).contains("- service discovery").doesNotContain("configuration service");
        ProposalSubmitted clash = proposals(listId).getFirst();
        assertThat(clash.rationale()).contains("Describe Nacos").contains("Nacos");
        assertThat(clash.edits()).singleElement().satisfies(e -> assertThat(e.description()).isEqualTo("configuration service"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clone.run("pull", "-q", "origin", "main");
            return clone.file("README.md").equals(markdown(listId));
        });
        assertThat(clone.run("log", "--format=%an|%s", "-5")).contains("Wang Wei|Describe Nacos").contains("bob|");
        assertThat(commitsImported(listId)).extracting(c -> c.commit().author().name()).containsExactly("Wang Wei", "Wang Wei");
    }

    @Test
    void theFidelityGateWaitsForAnOwnerAndARewrittenBranchPausesTheBridge() throws Exception {
        String ours = "# Gated\n\n* [Kafka](https://kafka.apache.org)\n";
        server.createRepository("gated.git", "main", "README.md", "# Elsewhere\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/lists?slug=gated")).header("Content-Type", "text/markdown")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(ours)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).isEqualTo(201);
        String listId = json.readTree(imported.body()).get("id").asString();
        String location = "\"repository\":\"" + server.url("gated.git") + "\",\"branch\":\"main\",\"path\":\"README.md\"";
        assertThat(send("PUT", "/api/lists/gated/git", "alice", "{" + location + ",\"publish\":true,\"pull\":true,"
                + "\"credentials\":{\"username\":\"gituser\",\"password\":\"gitpass\"}}").statusCode()).isEqualTo(200);

        // neither side came from the other: nothing is published or pulled until an owner chooses
        await().atMost(Duration.ofSeconds(20)).until(() -> bridge("gated").get("state").asString().equals("conflict"));
        assertThat(bridge("gated").get("lastError").asString()).contains("fidelity gate");
        String elsewhere = server.head("gated.git", "main");
        assertThat(send("POST", "/api/lists/gated/git/align", "bob", "{\"take\":\"list\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/lists/gated/git/align", "alice", "{\"take\":\"both\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> aligned = send("POST", "/api/lists/gated/git/align", "alice", "{\"take\":\"list\"}");
        assertThat(aligned.statusCode()).as(aligned.body()).isEqualTo(200);
        Git clone = Git.cloned(server.urlWithCredentials("gated.git", "gituser", "gitpass"), dirs.resolve("gated"));
        assertThat(clone.file("README.md")).isEqualTo(ours);
        assertThat(clone.run("log", "-1", "--format=%an|%P|%(trailers:key=Reviewed-by,valueonly)"))
                .isEqualTo("alice|" + elsewhere + "|alice <alice@users.noreply.invalid>\n\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> bridge("gated").get("state").asString().equals("in-sync"));

        // a force-pushed history without the synced commit: paused, nothing imported again
        long events = stream(listId).size();
        clone.run("checkout", "-q", "--orphan", "rewritten");
        clone.write("README.md", "# Rewritten\n");
        clone.commit("Mallory", "Start over");
        clone.run("push", "-q", "-f", "origin", "rewritten:main");
        await().atMost(Duration.ofSeconds(20)).until(() -> bridge("gated").get("state").asString().equals("paused"));
        assertThat(bridge("gated").get("lastError").asString()).contains("rewritten");
        assertThat(stream(listId)).hasSize((int) events);
    }

    private JsonNode bridge() throws Exception {
        return bridge("awesome");
    }

    private JsonNode bridge(String slug) throws Exception {
        return json.readTree(send("GET", "/api/lists/" + slug + "/git", "alice", null).body());
    }

    private List<ListEvent> stream(String listId) {
        List<ListEvent> all = new ArrayList<>();
        DomainEventStream stream = events.readEvents(listId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            all.add((ListEvent) message.getPayload());
        }
        return all;
    }

    private List<CommitImported> commitsImported(String listId) {
        return stream(listId).stream().filter(CommitImported.class::isInstance).map(CommitImported.class::cast).toList();
    }

    private List<ProposalSubmitted> proposals(String listId) {
        return stream(listId).stream().filter(ProposalSubmitted.class::isInstance).map(ProposalSubmitted.class::cast).toList();
    }

    private String markdown(String listId) {
        return MarkdownWriter.write(Objects.requireNonNull(ListFold.fold(stream(listId))));
    }

    private String entry(String listId, String url) {
        ListDocument document = Objects.requireNonNull(ListFold.fold(stream(listId)));
        return document.nodes().stream().filter(n -> url.equals(n.url())).findFirst().orElseThrow().id();
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

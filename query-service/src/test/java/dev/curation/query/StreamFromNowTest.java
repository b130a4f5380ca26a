package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.query.SseClient.Sse;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A client that wants only what happens from now on: {@code after=now} on both change streams, and
 * the list's stream position in its structure so that a client that read the list resumes exactly
 * after what it read.
 */
class StreamFromNowTest extends KafkaFedTest {

    private List<Sse> read(String path, String lastEventId, Predicate<List<Sse>> done) throws Exception {
        return new SseClient(http, json, port).read(path, lastEventId, done);
    }

    /** The id of a stream's opening message (an id without data), read as an EventSource would keep it. */
    private String openingId(String path) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.isEmpty()) {
                assertThat(line).doesNotStartWith("data:");
                if (line.startsWith("id:")) {
                    return line.substring(3).strip();
                }
            }
            return null;
        }
    }

    @Test
    void aListsStreamFromNowGivesOnlyWhatComesAndTheStructureSaysWhereToResume() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = "# Now\n## Logs\n- [Kafka](https://kafka.apache.org) - A log.\n";
        long sequence = importList(listId, "stream-now", markdown).size();
        ListDocument document = read(markdown);
        sequence += applyEdits(listId, "stream-now", document, 2, sequence,
                new Edit.AddLink("s2", null, "Pulsar", "https://pulsar.apache.org", "Another log."));
        EditSpec nats = new EditSpec("addLink", "s2", null, null, null, null, "NATS", "https://nats.io", "Messaging.", null, null);
        publish(listId, 2, sequence, List.of(new ProposalSubmitted(listId, "p-now", 2, "why", List.of(nats), "carol")), 0, 1, false);
        sequence += 1;
        long last = sequence - 1;
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/lists/stream-now").path("streamPosition").asLong(-1) == last);

        // the position is the id of the stream's latest change, the proposal's event
        List<Sse> history = read("/api/lists/stream-now/stream", null, events -> events.size() >= 3);
        assertThat(history).extracting(Sse::name).containsExactly("version", "version", "proposal");
        assertThat(history.getLast().id()).isEqualTo(Long.toString(last));
        assertThat(getJson("/api/lists/stream-now").get("version").asLong()).isEqualTo(2);

        // from now: the opening message carries the position, and no past change comes
        assertThat(openingId("/api/lists/stream-now/stream?after=now")).isEqualTo(Long.toString(last));
        CompletableFuture<List<Sse>> live = CompletableFuture.supplyAsync(() -> {
            try {
                return read("/api/lists/stream-now/stream?after=now", null, events -> !events.isEmpty());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1000);
        applyEdits(listId, "stream-now", document, 3, sequence, new Edit.EditLink("e3", "Apache Kafka", null, null));
        List<Sse> now = live.get(30, TimeUnit.SECONDS);
        assertThat(now).hasSize(1);
        assertThat(now.getFirst().name()).isEqualTo("version");
        assertThat(now.getFirst().data().get("version").asLong()).isEqualTo(3);

        // a client that read the list before the change resumes from its position: exactly the change
        List<Sse> resumed = read("/api/lists/stream-now/stream", Long.toString(last), events -> !events.isEmpty());
        assertThat(resumed).extracting(Sse::id).containsExactly(now.getFirst().id());
        assertThat(getJson("/api/lists/stream-now").get("streamPosition").asString()).isEqualTo(now.getFirst().id());

        assertProblem(get("/api/lists/stream-now/stream?after=later"), 400, "later");
    }

    /** The transaction that wrote a list's latest event. */
    private long lastTx(String listId) {
        return jdbc.sql("SELECT max(e.tx::text::bigint) FROM list_event e WHERE e.list_id = ?").param(listId)
                .query(Long.class).single();
    }

    @Test
    void theStreamOfAllListsFromNowGivesOnlyWhatComes() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = "# All now\n## Logs\n- [Kafka](https://kafka.apache.org) - A log.\n";
        long sequence = importList(listId, "stream-all-now", markdown).size();
        ListDocument document = read(markdown);
        // transaction ids gain a digit between the import and the first edit (as they do now and then in a
        // database's life): "now" follows them as numbers, not as text, where the import's 978 would come after
        // the edit's 1003. Crossed here unless that takes over a million transactions (a few seconds at most);
        // a run that far on has crossed a few already
        long imported = lastTx(listId);
        jdbc.sql("""
                DO $$
                DECLARE target bigint := 10 ^ length('%1$d');
                BEGIN
                    WHILE target - %1$d <= 1000000 AND pg_snapshot_xmax(pg_current_snapshot())::text::bigint <= target LOOP
                        PERFORM pg_current_xact_id();
                        COMMIT;
                    END LOOP;
                END $$""".formatted(imported)).update();
        sequence += applyEdits(listId, "stream-all-now", document, 2, sequence,
                new Edit.EditLink("e3", "Apache Kafka", null, null));
        // the stream of all lists is read below the oldest transaction still running, so that none committing
        // late is skipped: "now" may lie before a change committed a moment before (as the API says). In this
        // shared database another test's list or the link checker may still be in a transaction older than the
        // edit's: the edit is in the past of "now" once none is
        long edited = lastTx(listId);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").query(Long.class).single() > edited);

        String opening = openingId("/api/streams/changes?after=now");
        assertThat(opening).matches("\\d+\\.\\d+");
        CompletableFuture<List<Sse>> live = CompletableFuture.supplyAsync(() -> {
            try {
                return read("/api/streams/changes?after=now", null,
                        events -> events.stream().anyMatch(e -> e.data().get("listId").asString().equals(listId)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1000);
        applyEdits(listId, "stream-all-now", document, 3, sequence, new Edit.EditLink("e3", null, null, "The log."));
        List<Sse> mine = live.get(30, TimeUnit.SECONDS).stream()
                .filter(e -> e.data().get("listId").asString().equals(listId)).toList();
        // the import and the first edit came before: only the new version
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().data().get("version").asLong()).isEqualTo(3);
        // resumed from the opening id, the new version comes too (nothing between is lost)
        List<Sse> resumed = read("/api/streams/changes", opening,
                events -> events.stream().anyMatch(e -> e.data().get("listId").asString().equals(listId)));
        assertThat(resumed.stream().filter(e -> e.data().get("listId").asString().equals(listId)).toList())
                .extracting(Sse::id).containsExactly(mine.getFirst().id());

        assertProblem(get("/api/streams/changes?after=soon"), 400, "1234.56");
    }
}

package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.curation.core.document.ListDocument;
import dev.curation.core.document.Section;
import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.ProposalCommented;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.query.history.StreamSlots;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.curation.query.SseClient.Sse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The change streams over the real pipeline: the history replayed as server-sent events, then
 * live, resumed with Last-Event-ID without losing or repeating anything; a stream of random edits
 * replays exactly the history's versions and their structural diffs.
 */
class ChangeStreamTest extends KafkaFedTest {

    /** Streams of all lists that start after every change there will be: nothing to replay, just open. */
    private static final String QUIET_STREAM = "/api/streams/changes?after=9000000000000000000.0";

    @Autowired
    StreamSlots slots;

    List<Sse> read(String path, String lastEventId, int count) throws Exception {
        return new SseClient(http, json, port).read(path, lastEventId, count);
    }

    List<Sse> read(String path, String lastEventId, java.util.function.Predicate<List<Sse>> done) throws Exception {
        return new SseClient(http, json, port).read(path, lastEventId, done);
    }

    @Test
    void aListsStreamReplaysItsHistoryThenGoesLiveAndResumesWithoutLossOrRepeat() throws Exception {
        String listId = UUID.randomUUID().toString();
        String markdown = "# Streams\n## Logs\n- [Kafka](https://kafka.apache.org) - A log.\n";
        long sequence = importList(listId, "stream-one", markdown).size();
        ListDocument document = read(markdown);
        sequence += applyEdits(listId, "stream-one", document, 2, sequence,
                new Edit.AddLink("s2", null, "Pulsar", "https://pulsar.apache.org", "Another log."));
        EditSpec proposed = new EditSpec("addLink", "s2", null, null, null, null, "NATS", "https://nats.io", "Messaging.", null, null);
        publish(listId, 2, sequence, List.of(new ProposalSubmitted(listId, "p-s", 2, "why", List.of(proposed), "carol")), 0, 1, false);
        publish(listId, 2, sequence + 1, List.of(new ProposalCommented(listId, "p-s", "c1", 1, null, null, "Nice.", "bob")), 0, 1, false);
        sequence += 2;

        List<Sse> all = read("/api/lists/stream-one/stream", null, 4);
        assertThat(all).extracting(Sse::name).containsExactly("version", "version", "proposal", "proposal");
        assertThat(all.get(0).data().get("imported").asBoolean()).isTrue();
        JsonNode edit = all.get(1).data();
        assertThat(edit.get("version").asLong()).isEqualTo(2);
        assertThat(edit.get("kind").asString()).isEqualTo("edit");
        assertThat(edit.at("/entries/0/change").asString()).isEqualTo("ADDED");
        assertThat(edit.at("/entries/0/after/title").asString()).isEqualTo("Pulsar");
        assertThat(all.get(2).data().get("type").asString()).isEqualTo("ProposalSubmitted");
        assertThat(all.get(2).data().at("/event/edits/0").propertyNames())
                .containsExactly("op", "section", "title", "url", "description");
        assertThat(all.get(3).data().at("/event/text").asString()).isEqualTo("Nice.");
        List<Long> ids = all.stream().map(e -> Long.parseLong(e.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();

        // hang up after the second; resume from it: exactly the rest, then the next version, live
        CompletableFuture<List<Sse>> resumed = CompletableFuture.supplyAsync(() -> {
            try {
                return read("/api/lists/stream-one/stream", all.get(1).id(), 3);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);
        applyEdits(listId, "stream-one", document, 3, sequence,
                new Edit.EditLink("e3", "Apache Kafka", null, null));
        List<Sse> rest = resumed.get(30, TimeUnit.SECONDS);
        assertThat(rest).extracting(Sse::id).containsExactly(all.get(2).id(), all.get(3).id(), rest.get(2).id());
        assertThat(rest.get(2).name()).isEqualTo("version");
        assertThat(rest.get(2).data().at("/entries/0/before/title").asString()).isEqualTo("Kafka");
        assertThat(rest.get(2).data().at("/entries/0/after/title").asString()).isEqualTo("Apache Kafka");
        assertThat(Long.parseLong(rest.get(2).id())).isGreaterThan(Long.parseLong(all.get(3).id()));

        // the stream of all lists has the same changes in the same order, and resumes by its own ids
        List<Sse> everything = read("/api/streams/changes", null, events -> events.stream()
                .filter(e -> e.data().get("listId").asString().equals(listId)).count() == 5);
        List<Sse> mine = everything.stream().filter(e -> e.data().get("listId").asString().equals(listId)).toList();
        assertThat(mine).extracting(e -> e.data().get("sequence").asLong())
                .containsExactlyElementsOf(List.of(all.get(0), all.get(1), all.get(2), all.get(3), rest.get(2)).stream()
                        .map(e -> Long.parseLong(e.id())).toList());
        String middle = mine.get(1).id();
        List<Sse> after = read("/api/streams/changes", middle, 1);
        assertThat(after.getFirst().id()).isEqualTo(everything.get(everything.indexOf(mine.get(1)) + 1).id());

        // the same changes as CloudEvents (structured mode): attributes around the very same data
        List<Sse> cloudEvents = read("/api/lists/stream-one/stream?format=cloudevents", null, 4);
        assertThat(cloudEvents).extracting(Sse::id).containsExactlyElementsOf(all.stream().map(Sse::id).toList());
        for (int i = 0; i < 4; i++) {
            JsonNode event = cloudEvents.get(i).data();
            JsonNode change = all.get(i).data();
            assertThat(event.get("specversion").asString()).isEqualTo("1.0");
            assertThat(event.get("type").asString()).isEqualTo("dev.curation.change." + all.get(i).name() + ".v1");
            assertThat(event.get("source").asString()).isEqualTo("/lists/" + listId);
            assertThat(event.get("subject").asString()).isEqualTo("versions/" + change.get("version").asLong());
            assertThat(event.get("time").asString()).isEqualTo(change.get("at").asString());
            assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
            assertThat(event.get("listsequence").asLong()).isEqualTo(Long.parseLong(all.get(i).id()));
            assertThat(event.get("listversion").asLong()).isEqualTo(change.get("version").asLong());
            // the id of the event that completed the change: the ce_id of its Kafka record
            assertThat(event.get("id").asString()).isEqualTo(jdbc.sql("SELECT event_id FROM list_event WHERE list_id = ? AND sequence = ?")
                    .params(listId, Long.parseLong(all.get(i).id())).query(String.class).single());
            assertThat(event.get("data")).isEqualTo(change);
        }
        assertProblem(get("/api/lists/stream-one/stream?format=xml"), 400, "cloudevents", "xml");
        assertProblem(get("/api/streams/changes?format=json"), 400, "cloudevents");

        assertProblem(get("/api/lists/stream-one/stream", "Last-Event-ID", "yesterday"), 400, "Last-Event-ID");
        assertProblem(get("/api/streams/changes", "Last-Event-ID", "12"), 400, "1234.56");
        assertProblem(get("/api/lists/no-such-list/stream"), 404, "no-such-list");
    }

    @Test
    void aStreamOfRandomEditsIsTheHistoryExactly() throws Exception {
        Random random = new Random(20261130);
        String listId = UUID.randomUUID().toString();
        String markdown = "# Random\n## A\n- [One](https://one.example) - One.\n## B\n- [Two](https://two.example) - Two.\n";
        long sequence = importList(listId, "stream-random", markdown).size();
        ListDocument document = read(markdown);
        int versions = 12;
        for (long version = 2; version <= versions; version++) {
            List<Section> sections = document.sections().getFirst().sections();
            Section section = sections.get(random.nextInt(sections.size()));
            List<dev.curation.core.document.Entry> entries = document.sections().getFirst().sections().stream()
                    .flatMap(s -> s.blocks().stream()).filter(b -> b instanceof dev.curation.core.document.Entry)
                    .map(b -> (dev.curation.core.document.Entry) b).toList();
            Edit edit = switch (random.nextInt(3)) {
                case 0 -> new Edit.AddLink(section.id(), null, "Link " + version, "https://example.org/" + version, "Added.");
                case 1 -> entries.isEmpty() ? new Edit.AddLink(section.id(), null, "L" + version, "https://e.org/" + version, "A.")
                        : new Edit.EditLink(entries.get(random.nextInt(entries.size())).id(), "Renamed " + version, null, null);
                default -> entries.size() < 2 ? new Edit.AddLink(section.id(), null, "M" + version, "https://m.org/" + version, "M.")
                        : new Edit.RemoveLink(entries.get(random.nextInt(entries.size())).id());
            };
            sequence += applyEdits(listId, "stream-random", document, version, sequence, edit);
        }
        List<Sse> stream = read("/api/lists/stream-random/stream", null, versions);
        assertThat(stream).extracting(Sse::name).containsOnly("version");
        assertThat(stream).extracting(e -> e.data().get("version").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, versions).boxed().toList());
        JsonNode history = getJson("/api/lists/stream-random/history?size=100").get("items");
        assertThat(history).hasSize(versions);
        for (int v = 2; v <= versions; v++) {
            JsonNode diff = getJson("/api/lists/stream-random/diff?from=" + (v - 1) + "&to=" + v);
            assertThat(stream.get(v - 1).data().get("entries")).as("version " + v).isEqualTo(diff.get("entries"));
            assertThat(stream.get(v - 1).data().get("sections")).as("version " + v).isEqualTo(diff.get("sections"));
        }
        // resumed from any point, the rest is the same
        for (int cut : List.of(0, 3, 7, versions - 1)) {
            List<Sse> rest = read("/api/lists/stream-random/stream", stream.get(cut).id(), versions - cut - 1);
            assertThat(rest).isEqualTo(stream.subList(cut + 1, versions));
        }
    }

    /**
     * Fair shares: one client address holds as many streams as it may (16 by default), its next is
     * refused with a 429 naming the limit, and a client of another address still gets a stream. On
     * Linux all of 127.0.0.0/8 is loopback, so each client binds an address of its own.
     */
    @Test
    void oneAddressHoldsItsShareOfStreamsAndAnotherAddressStillGetsOne() throws Exception {
        HttpClient greedy = client("127.0.0.3");
        HttpClient other = client("127.0.0.2");
        List<InputStream> held = new ArrayList<>();
        try {
            for (int i = 1; i <= 16; i++) {
                HttpResponse<InputStream> stream = greedy.send(stream(), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(stream.statusCode()).as("stream %d of 127.0.0.3", i).isEqualTo(200);
                held.add(stream.body());
            }
            assertThat(slots.heldBy("127.0.0.3")).isEqualTo(16);
            // read as a stream: were it accepted, its body would never end
            HttpResponse<InputStream> refused = greedy.send(stream(), HttpResponse.BodyHandlers.ofInputStream());
            held.add(refused.body());
            assertThat(refused.statusCode()).as("the 17th stream of 127.0.0.3").isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue(Integer.toString(StreamSlots.RETRY_AFTER));
            JsonNode problem = json.readTree(refused.body().readAllBytes());
            assertThat(problem.get("type").asString()).isEqualTo("urn:curation:problem:too-many-streams");
            assertThat(problem.get("detail").asString()).contains("127.0.0.3", "16 change streams",
                    "curation.streams.max-open-per-address");

            HttpResponse<InputStream> fair = other.send(stream(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(fair.statusCode()).as("a stream of another address").isEqualTo(200);
            fair.body().close();
        } finally {
            for (InputStream stream : held) {
                stream.close();
            }
            greedy.shutdownNow();
            other.shutdownNow();
        }
        // a client that hung up gives its share back once its stream finds it gone (the next heartbeat)
        await().atMost(Duration.ofSeconds(20)).until(() -> slots.heldBy("127.0.0.3") == 0);
    }

    private static HttpClient client(String localAddress) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .localAddress(InetAddress.getByName(localAddress)).build();
    }

    private HttpRequest stream() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + QUIET_STREAM))
                .header("Accept", "text/event-stream").build();
    }
}

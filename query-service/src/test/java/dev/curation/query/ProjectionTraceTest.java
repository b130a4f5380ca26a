package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListEvent;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A record's {@code traceparent} (the command service's publish span) is the parent of the span that projects it. */
class ProjectionTraceTest extends KafkaFedTest {

    @Autowired
    SpanRecorder spans;

    @Test
    void eachRecordIsProjectedInTheTraceOfTheEditThatCausedIt() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        spans.watch(trace);
        String listId = UUID.randomUUID().toString();
        List<ListEvent> events = ImportEvents.of(new ImportList(listId, "traced-projection", "# T\n- [a](https://example.com/a)\n"));
        for (int i = 0; i < events.size(); i++) {
            ListEvent event = events.get(i);
            EventEnvelope envelope = new EventEnvelope(listId + "-" + i, EventEnvelope.typeName(event),
                    EventEnvelope.revisionOf(event.getClass()), listId, 1, i, Instant.now(), "alice", "cmd-1",
                    i == events.size() - 1, event);
            sendRaw(listId, json.writeValueAsBytes(envelope), "00-" + trace + "-b7ad6b716920333" + i + "-01");
        }
        awaitVersion("traced-projection", 1);

        List<SpanData> projected = spans.spans(trace, s -> s.size() == events.size());
        assertThat(projected).hasSize(events.size()).allSatisfy(s -> {
            assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(s.getName()).isEqualTo("project " + TOPIC);
        });
        assertThat(projected).extracting(SpanData::getParentSpanId)
                .containsExactlyInAnyOrder("b7ad6b7169203330", "b7ad6b7169203331");
    }

    /**
     * A change stream that has caught up sends each new change in a {@code stream send} span, the
     * child of the span that projected the change's last event (kept with it in history).
     */
    @Test
    void aLiveChangeStreamSendsEachChangeInItsEditsTrace() throws Exception {
        String trace = "5bf92f3577b34da6a3ce929d0e0e4737";
        spans.watch(trace);
        HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<InputStream> stream = own.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/streams/changes?after=now"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            // a heartbeat comes only once the stream found nothing new: it is live
            String line;
            while ((line = lines.readLine()) != null && !line.startsWith(":heartbeat")) {
                assertThat(line).doesNotStartWith("data:");
            }
            String listId = UUID.randomUUID().toString();
            List<ListEvent> events = ImportEvents.of(new ImportList(listId, "traced-stream", "# T\n- [a](https://example.com/a)\n"));
            for (int i = 0; i < events.size(); i++) {
                ListEvent event = events.get(i);
                EventEnvelope envelope = new EventEnvelope(listId + "-" + i, EventEnvelope.typeName(event),
                        EventEnvelope.revisionOf(event.getClass()), listId, 1, i, Instant.now(), "alice", "cmd-2",
                        i == events.size() - 1, event);
                sendRaw(listId, json.writeValueAsBytes(envelope), "00-" + trace + "-c7ad6b716920333" + i + "-01");
            }
            while ((line = lines.readLine()) != null && !line.contains(listId)) {
                // other tests' changes, heartbeats
            }
            List<SpanData> trail = spans.spans(trace, s -> s.stream().anyMatch(d -> d.getName().equals("stream send")));
            SpanData lastProjected = trail.stream()
                    .filter(d -> d.getParentSpanId().equals("c7ad6b716920333" + (events.size() - 1))).findFirst().orElseThrow();
            assertThat(trail).filteredOn(d -> d.getName().equals("stream send")).singleElement().satisfies(d -> {
                assertThat(d.getKind()).isEqualTo(SpanKind.PRODUCER);
                assertThat(d.getParentSpanId()).isEqualTo(lastProjected.getSpanId());
                assertThat(d.getAttributes().asMap().toString()).contains("curation.change=version");
            });
        } finally {
            own.shutdownNow();
        }
    }
}

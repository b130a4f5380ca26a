package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListEvent;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
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
}

package dev.curation.query.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.LinkAdded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Records are read in one pass; the payload is bound once and kept as the bytes that arrived. */
class ArrivedEventTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final LinkAdded payload = new LinkAdded("l1", "e7", "s1", 0, "- [A](https://a.example)\n", "A",
            "https://a.example", "");
    private final EventEnvelope envelope = new EventEnvelope("l1-3", "LinkAdded", "1", "l1", 2, 3,
            Instant.parse("2026-11-30T00:00:00.123456Z"), "alice", "c1", true, payload);

    private ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>("t", 0, 42, key, value);
    }

    private ConsumerRecord<String, byte[]> record(String value) {
        return record("l1", value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatThePublisherWritesAndKeepsThePayloadBytes() {
        ArrivedEvent arrived = ArrivedEvent.read(json, record("l1", json.writeValueAsBytes(envelope)));

        assertThat(arrived.envelope()).isEqualTo(envelope);
        assertThat(new String(arrived.payloadJson(), StandardCharsets.UTF_8))
                .isEqualTo(json.writeValueAsString(payload));
    }

    @Test
    void fieldsMayComeInAnyOrderAndUnknownOnesAreSkipped() {
        String payloadJson = json.writeValueAsString(payload);
        ArrivedEvent arrived = ArrivedEvent.read(json, record("""
                {"payload": %s, "extra": {"nested": [1, {"a": "}"}]}, "sequence": 3, "version": 2, "listId": "l1",
                 "type": "LinkAdded", "eventId": "l1-3", "timestamp": "2026-11-30T00:00:00.123456Z",
                 "endOfVersion": true, "actor": "alice", "correlationId": "c1", "revision": "1"}""".formatted(payloadJson)));

        assertThat(arrived.envelope()).isEqualTo(envelope);
        assertThat(new String(arrived.payloadJson(), StandardCharsets.UTF_8)).isEqualTo(payloadJson);
    }

    @Test
    void whatARecordLacksOrHasWrongIsNamed() {
        String payloadJson = json.writeValueAsString(payload);
        assertThatThrownBy(() -> ArrivedEvent.read(json, record("{\"type\":\"LinkAdded\",\"listId\":\"l1\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload");
        assertThatThrownBy(() -> ArrivedEvent.read(json, record("{\"type\":\"LinkAdded\",\"payload\":" + payloadJson + "}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventId");
        assertThatThrownBy(() -> ArrivedEvent.read(json, record("{\"type\":\"LinkAdded\",\"payload\":[1]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ArrivedEvent.read(json, record("{\"type\":\"Nope\",\"payload\":{}}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown event type Nope");
        assertThatThrownBy(() -> ArrivedEvent.read(json, record("{\"type\":7}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> ArrivedEvent.read(json, record("[]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ArrivedEvent.read(json, record("{nope")))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> ArrivedEvent.read(json, record("l1", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a value");
    }

    @Test
    void theKeyTheEnvelopeAndThePayloadMustNameTheSameList() {
        assertThatThrownBy(() -> ArrivedEvent.read(json, record("l2", json.writeValueAsBytes(envelope))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ");
    }
}

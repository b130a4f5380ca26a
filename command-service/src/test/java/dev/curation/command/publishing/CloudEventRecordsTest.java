package dev.curation.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.SyncStep;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event kind, as the publisher writes it, read back by the CloudEvents SDK's own Kafka
 * deserializer (what a consumer written with the SDK does): type, id, source, subject, time, our
 * extensions, and the envelope as data.
 */
class CloudEventRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-12-06T05:30:00.123Z");

    @Test
    void everyEventKindIsACloudEventAnSdkConsumerReads() {
        List<Class<?>> kinds = List.of(ListEvent.class.getPermittedSubclasses());
        assertThat(kinds).hasSizeGreaterThan(30);
        Set<String> ids = new HashSet<>();
        try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
            long sequence = 0;
            for (Class<?> kind : kinds) {
                ListEvent payload = (ListEvent) sample(kind);
                String type = EventEnvelope.typeName(payload);
                String revision = EventEnvelope.revisionOf(kind) == null ? "1" : EventEnvelope.revisionOf(kind);
                EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), type, revision, "list-1", 7, sequence++,
                        AT, "alice", "command-1", true, payload);
                byte[] value = JSON.writeValueAsBytes(envelope);
                ProducerRecord<String, byte[]> record = CloudEventRecords.record("curation.list-events", envelope, value);

                CloudEvent event = sdk.deserialize(record.topic(), record.headers(), record.value());

                assertThat(event.getType()).as(type).isEqualTo("dev.curation.list." + type + ".v" + revision);
                assertThat(event.getId()).isEqualTo(envelope.eventId());
                assertThat(ids.add(event.getId())).isTrue();
                assertThat(event.getSource()).isEqualTo(URI.create("/lists/list-1"));
                assertThat(event.getSubject()).isEqualTo("versions/7");
                assertThat(event.getTime()).isEqualTo(OffsetDateTime.ofInstant(AT, ZoneOffset.UTC));
                assertThat(event.getDataContentType()).isEqualTo("application/json");
                assertThat(event.getExtension("listversion")).hasToString("7");
                assertThat(event.getExtension("listsequence")).hasToString(Long.toString(envelope.sequence()));
                assertThat(event.getExtension("actor")).isEqualTo("alice");
                assertThat(event.getExtension("correlationid")).isEqualTo("command-1");
                assertThat(event.getExtension("endofversion")).hasToString("true");
                assertThat(event.getData()).isNotNull();
                JsonNode data = JSON.readTree(event.getData().toBytes());
                assertThat(data.path("type").asString()).isEqualTo(type);
                assertThat(data.path("eventId").asString()).isEqualTo(envelope.eventId());
                assertThat(JSON.treeToValue(data.path("payload"), kind)).as(type).isEqualTo(payload);
                // the headers of before stay for a deprecation period
                assertThat(new String(record.headers().lastHeader("curation-event-type").value(), StandardCharsets.UTF_8))
                        .isEqualTo(type);
                assertThat(record.key()).isEqualTo("list-1");
            }
        }
    }

    /** An instance of a record with a value in every component, nested records too. */
    private static Object sample(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getGenericType());
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make a " + type.getSimpleName() + ": " + e.getCause(), e);
        }
    }

    private static Object value(String name, Type generic) {
        Class<?> raw = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
        if (raw == String.class) {
            return switch (name) {
                case "role" -> "curator";
                case "url", "repository" -> "https://example.org/" + name;
                case "raw" -> "* [Example](https://example.org)\n";
                case "heading" -> "## Example\n";
                default -> name + "-1";
            };
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == long.class || raw == Long.class) {
            return 1L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == Instant.class) {
            return AT;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            list.add(value(name, element));
            return list;
        }
        if (raw == Map.class) {
            return Map.of("key", "warning");
        }
        if (raw == SyncStep.class) {
            return SyncStep.keep("s1", 2); // a step either keeps or puts: not both, as a sample of every component would
        }
        if (raw.isRecord()) {
            return sample(raw);
        }
        if (raw.isInterface() && raw.isSealed()) {
            return sample(raw.getPermittedSubclasses()[0]);
        }
        throw new AssertionError("no sample for " + generic + " " + name);
    }
}

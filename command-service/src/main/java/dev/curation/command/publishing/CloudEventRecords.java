package dev.curation.command.publishing;

import dev.curation.core.list.CloudEventNames;
import dev.curation.core.list.EventEnvelope;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A stored event as a Kafka record in the CloudEvents Kafka binding's binary content mode: the
 * value stays the JSON envelope (so nothing downstream changes), the CloudEvents attributes are
 * {@code ce_*} headers written by the CloudEvents SDK, {@code content-type} says JSON. Our own
 * {@code curation-event-id} and {@code curation-event-type} headers stay for one deprecation
 * period (ADR 30).
 */
final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** The event the record carries: its envelope's attributes, the envelope's JSON as data. */
    static CloudEvent event(EventEnvelope envelope, byte[] json) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(envelope.eventId())
                .withSource(URI.create(CloudEventNames.source(envelope.listId())))
                .withType(CloudEventNames.eventType(envelope.type(), envelope.revision() == null ? "1" : envelope.revision()))
                .withTime(envelope.timestamp().atOffset(ZoneOffset.UTC))
                .withSubject(CloudEventNames.subject(envelope.version()))
                .withDataContentType(CloudEventNames.JSON)
                .withData(json)
                .withExtension(CloudEventNames.LIST_VERSION, envelope.version())
                .withExtension(CloudEventNames.LIST_SEQUENCE, envelope.sequence())
                .withExtension(CloudEventNames.END_OF_VERSION, envelope.endOfVersion());
        if (envelope.actor() != null) {
            event.withExtension(CloudEventNames.ACTOR, envelope.actor());
        }
        if (envelope.correlationId() != null) {
            event.withExtension(CloudEventNames.CORRELATION_ID, envelope.correlationId());
        }
        return event.build();
    }

    /** The record: keyed by list id (a list's events stay in order on one partition). */
    static ProducerRecord<String, byte[]> record(String topic, EventEnvelope envelope, byte[] json) {
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(topic, envelope.listId())
                .writeBinary(event(envelope, json));
        record.headers()
                .add("curation-event-id", envelope.eventId().getBytes(StandardCharsets.UTF_8))
                .add("curation-event-type", envelope.type().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}

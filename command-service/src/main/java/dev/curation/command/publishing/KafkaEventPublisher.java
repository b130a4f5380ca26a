package dev.curation.command.publishing;

import dev.curation.command.list.EventMetadata;
import dev.curation.command.list.TraceMetadata;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import dev.curation.service.PipelineHops;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends every stored list event to Kafka, keyed by list id, wrapped in an {@link EventEnvelope}, as
 * a CloudEvent ({@link CloudEventRecords}).
 * Sends of one batch go out together; the batch (and with it the processor's token) commits only
 * after Kafka acknowledged all of them (acks=all, idempotent producer).
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSOR)
class KafkaEventPublisher {

    static final String PROCESSOR = "kafka-publisher";
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final String topic;
    private final PublisherHealth health;
    private final Timer pickups;
    private final Timer acks;
    private final Propagator propagator;

    KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, TopicProperties topic,
                        PublisherHealth health, MeterRegistry meters, Propagator propagator) {
        this.propagator = propagator;
        this.kafka = kafka;
        this.json = json;
        this.topic = topic.topic();
        this.health = health;
        this.pickups = PipelineHops.timer(meters, "publish-pickup",
                "an event's creation (just before its commit) until the Kafka publisher handles it");
        this.acks = PipelineHops.timer(meters, "broker-ack", "an event sent to Kafka until every in-sync replica acknowledged it");
    }

    @EventHandler
    void on(ListEvent event, EventMessage<?> message) {
        PipelineHops.sinceEpochMillis(pickups, message.getTimestamp().toEpochMilli());
        if (!(message instanceof DomainEventMessage<?> stored)) {
            throw new IllegalStateException("list event " + message.getIdentifier() + " has no aggregate sequence");
        }
        EventEnvelope envelope = new EventEnvelope(
                message.getIdentifier(),
                EventEnvelope.typeName(event),
                EventEnvelope.revisionOf(event.getClass()),
                event.listId(),
                ((Number) message.getMetaData().getOrDefault(EventMetadata.VERSION, 0L)).longValue(),
                stored.getSequenceNumber(),
                message.getTimestamp(),
                (String) message.getMetaData().get(EventMetadata.ACTOR),
                (String) message.getMetaData().get(EventMetadata.CORRELATION_ID),
                Boolean.TRUE.equals(message.getMetaData().get(EventMetadata.END_OF_VERSION)),
                event);
        ProducerRecord<String, byte[]> record = CloudEventRecords.record(topic, envelope, json.writeValueAsBytes(envelope));
        // a span per event in the trace of the request that caused it, until Kafka acknowledged it;
        // the record's traceparent names it, so the query service's span is its child
        Span span = TraceMetadata.childOf(propagator, message).name("publish " + topic).kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka").tag("messaging.destination.name", topic).start();
        propagator.inject(span.context(), record, (r, key, value) -> r.headers().add(key, value.getBytes(StandardCharsets.UTF_8)));
        try {
            long sent = System.nanoTime();
            pending().add(kafka.send(record).whenComplete((result, failure) -> {
                if (failure == null) {
                    acks.record(System.nanoTime() - sent, TimeUnit.NANOSECONDS);
                } else {
                    span.error(failure);
                }
                span.end();
            }));
        } catch (RuntimeException e) {
            span.error(e);
            span.end();
            health.failed(e);
            throw e;
        }
    }

    /** Sends of the current batch; awaited once, before the batch's token is committed. */
    private List<CompletableFuture<?>> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            kafka.flush();
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(40, TimeUnit.SECONDS);
            health.sent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            health.failed(e);
            throw new IllegalStateException("interrupted while publishing to Kafka", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            health.failed(e);
            throw new IllegalStateException("publishing to Kafka failed; the batch will be sent again", e);
        }
    }
}

package dev.curation.command.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * {@code curation.publisher.lag}: events stored but not yet sent to Kafka (the event store's head
 * minus the publisher's position). Growing while nothing is written means the publisher is stuck;
 * see also {@code curation.publisher.failing}.
 */
@Component
class PublisherLag {

    private final EventStore events;
    private final EventProcessingConfiguration processing;

    PublisherLag(MeterRegistry meters, EventStore events, EventProcessingConfiguration processing) {
        this.events = events;
        this.processing = processing;
        Gauge.builder("curation.publisher.lag", this, PublisherLag::lag)
                .description("events in the event store not yet sent to Kafka")
                .baseUnit("events")
                .register(meters);
    }

    double lag() {
        var headToken = events.createHeadToken();
        OptionalLong head = headToken == null ? OptionalLong.empty() : headToken.position();
        OptionalLong position = processing.eventProcessor(KafkaEventPublisher.PROCESSOR, StreamingEventProcessor.class)
                .flatMap(p -> p.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .filter(OptionalLong::isPresent)
                        .map(OptionalLong::getAsLong)
                        .min(Long::compare))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        if (head.isEmpty()) {
            return 0; // nothing stored yet
        }
        return Math.max(0, head.getAsLong() - position.orElse(-1));
    }
}

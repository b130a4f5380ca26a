package dev.curation.query.list;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code curation.projection.quarantined} (lists now), {@code curation.projection.quarantines}
 * (ever), and {@code curation.projection.lag}: seconds between an event's publication to Kafka
 * (the record's timestamp, just after its commit) and its projection, for the last event of the
 * last batch. Kafka's own consumer lag
 * in records is {@code kafka.consumer.fetch.manager.records.lag.max}.
 */
@Component
class ProjectionMetrics {

    private final Counter quarantines;
    private final AtomicLong lagMillis = new AtomicLong();

    ProjectionMetrics(MeterRegistry meters, Quarantine quarantine) {
        this.quarantines = Counter.builder("curation.projection.quarantines")
                .description("lists the projection quarantined because a record could not be projected")
                .register(meters);
        Gauge.builder("curation.projection.quarantined", quarantine, q -> q.keys().size())
                .description("lists quarantined now: their records are held, not projected")
                .register(meters);
        Gauge.builder("curation.projection.lag", lagMillis, l -> l.get() / 1000.0)
                .description("seconds from an event's publication to its projection (last batch)")
                .baseUnit("seconds")
                .register(meters);
    }

    void projected(Instant eventTime) {
        lagMillis.set(Math.max(0, Duration.between(eventTime, Instant.now()).toMillis()));
    }

    void quarantined() {
        quarantines.increment();
    }
}

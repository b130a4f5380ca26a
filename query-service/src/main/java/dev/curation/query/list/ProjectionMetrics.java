package dev.curation.query.list;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code curation.projection.quarantined} (lists now) and {@code curation.projection.quarantines} (ever). */
@Component
class ProjectionMetrics {

    private final Counter quarantines;

    ProjectionMetrics(MeterRegistry meters, Quarantine quarantine) {
        this.quarantines = Counter.builder("curation.projection.quarantines")
                .description("lists the projection quarantined because a record could not be projected")
                .register(meters);
        Gauge.builder("curation.projection.quarantined", quarantine, q -> q.keys().size())
                .description("lists quarantined now: their records are held, not projected")
                .register(meters);
    }

    void quarantined() {
        quarantines.increment();
    }
}

package dev.curation.query.list;

import dev.curation.service.PipelineHops;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * {@code curation.projection.quarantined} (lists now), {@code curation.projection.quarantines}
 * (ever), and {@code curation.projection.lag}: seconds between an event's publication to Kafka
 * (the record's timestamp, just after its commit) and its projection, for the last event of the
 * last batch. Kafka's own consumer lag
 * in records is {@code kafka.consumer.fetch.manager.records.lag.max}. The hops of
 * {@code curation.pipeline.hop}, per record: {@code consume} (the record's timestamp, set by the
 * publisher's send, until the poll returned it), {@code project} (poll returned until the batch's
 * transaction committed and readers were told) and {@code visible} (the two together).
 */
@Component
class ProjectionMetrics {

    private final Counter quarantines;
    private final AtomicLong lagMillis = new AtomicLong();
    private final Timer consume;
    private final Timer project;
    private final Timer visible;
    private final MeterRegistry meters;

    ProjectionMetrics(MeterRegistry meters, Quarantine quarantine) {
        this.meters = meters;
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
        this.consume = PipelineHops.timer(meters, "consume", "a record's send to Kafka until the projection's poll returned it");
        this.project = PipelineHops.timer(meters, "project", "a record's poll until its batch's transaction committed");
        this.visible = PipelineHops.timer(meters, "visible", "a record's send to Kafka until readers see its version");
    }

    /**
     * {@code curation.projection.list.loads}: where batches found the lists they changed ({@code from}:
     * {@code memory} or {@code database}). Loads from the database under steady load
     * say the edited lists do not fit the working set: give the query service more heap.
     */
    void listLoads(ListBatches batches) {
        for (String from : new String[] {"memory", "database"}) {
            FunctionCounter.builder("curation.projection.list.loads", batches,
                    b -> from.equals("memory") ? b.loadsFromMemory() : b.loadsFromDatabase()).tag("from", from).description("lists the projection's batches loaded, by where they were found")
                    .register(meters);
        }
    }

    /** The hops of records applied in one committed batch, polled at {@code polledMillis} (epoch) / {@code polledNanos}. */
    void hops(List<ConsumerRecord<String, byte[]>> records, long polledMillis, long polledNanos) {
        long projected = System.nanoTime() - polledNanos;
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.timestamp() > 0) {
                consume.record(Math.max(0, polledMillis - record.timestamp()), TimeUnit.MILLISECONDS);
                PipelineHops.sinceEpochMillis(visible, record.timestamp());
            }
            project.record(projected, TimeUnit.NANOSECONDS);
        }
    }

    void projected(Instant eventTime) {
        lagMillis.set(Math.max(0, Duration.between(eventTime, Instant.now()).toMillis()));
    }

    void quarantined() {
        quarantines.increment();
    }
}

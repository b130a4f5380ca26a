package dev.curation.command.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the outbox is getting events to Kafka. A send that fails is retried by the processor
 * (never skipped: the log must be complete), which used to be a silent endless loop; now every
 * failed batch counts ({@code curation.publisher.failures}), {@code curation.publisher.failing}
 * is 1 while the last attempt failed, and the health indicator {@code publisher} is DOWN with
 * the error once failures have lasted longer than a grace period (one broker hiccup is not an
 * outage).
 */
@Component("publisher")
class PublisherHealth implements HealthIndicator {

    private record Failure(Instant since, int attempts, String error) {
    }

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private final Counter failures;
    private final Clock clock;

    @Autowired
    PublisherHealth(MeterRegistry meters) {
        this(meters, Clock.systemUTC());
    }

    PublisherHealth(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.failures = Counter.builder("curation.publisher.failures")
                .description("batches of events the publisher failed to send to Kafka (each is retried)")
                .register(meters);
        Gauge.builder("curation.publisher.failing", failure, f -> f.get() == null ? 0 : 1)
                .description("1 while the publisher's last attempt to send to Kafka failed")
                .register(meters);
    }

    void sent() {
        failure.set(null);
    }

    void failed(Throwable error) {
        failures.increment();
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        failure.updateAndGet(f -> f == null ? new Failure(clock.instant(), 1, text)
                : new Failure(f.since(), f.attempts() + 1, text));
    }

    @Override
    public Health health() {
        Failure f = failure.get();
        if (f == null) {
            return Health.up().build();
        }
        Health.Builder health = Duration.between(f.since(), clock.instant()).compareTo(GRACE) > 0
                ? Health.down() : Health.up();
        return health.withDetail("failingSince", f.since().toString())
                .withDetail("attempts", f.attempts())
                .withDetail("lastError", f.error())
                .build();
    }
}

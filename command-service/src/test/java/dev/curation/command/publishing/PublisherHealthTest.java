package dev.curation.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class PublisherHealthTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PublisherHealth health = new PublisherHealth(meters, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aFailingPublisherIsVisibleAndDownAfterTheGracePeriod() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        health.failed(new IllegalStateException("publishing failed", new RecordTooLargeException("too large")));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("curation.publisher.failing").gauge().value()).isEqualTo(1.0);

        now = now.plus(Duration.ofSeconds(31));
        health.failed(new RecordTooLargeException("too large"));
        var down = health.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("attempts", 2)
                .containsEntry("lastError", "RecordTooLargeException: too large")
                .containsEntry("failingSince", "2026-11-23T10:00:00Z");
        assertThat(meters.get("curation.publisher.failures").counter().count()).isEqualTo(2.0);

        health.sent();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("curation.publisher.failing").gauge().value()).isZero();
    }
}

package dev.curation.query.list;

import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health indicator {@code projection}: UP while every list projects, DEGRADED (HTTP 200, every
 * other list is served) naming the quarantined lists and why. Readiness is not affected: the
 * service still answers for every list, quarantined ones at their last good version.
 */
@Component("projection")
class QuarantineHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "lists are quarantined; see docs/operations.md");

    private final Quarantine quarantine;

    QuarantineHealth(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public Health health() {
        if (quarantine.isEmpty()) {
            return Health.up().build();
        }
        List<Quarantine.Entry> entries = quarantine.entries();
        return Health.status(DEGRADED)
                .withDetail("quarantined", entries.stream().map(e -> Map.of(
                        "list", e.listKey(), "since", e.since().toString(), "error", e.error(),
                        "heldRecords", e.heldRecords(), "retries", e.retries())).toList())
                .build();
    }
}

package dev.curation.command.git;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The git bridges in {@code /actuator/health} ({@code gitBridge}): how many are in each state. A
 * repository that fails is the bridge's problem, not the service's, so this stays UP and says it
 * (one list's failure never takes the service out of a load balancer); details name the counts.
 */
@Component("gitBridge")
class GitBridgeHealth implements HealthIndicator {

    private final GitBridges bridges;

    GitBridgeHealth(GitBridges bridges) {
        this.bridges = bridges;
    }

    @Override
    public Health health() {
        Map<String, Object> states = new LinkedHashMap<>();
        bridges.counts().forEach(row -> states.put((String) row[0], row[1]));
        long failing = ((Number) states.getOrDefault("error", 0L)).longValue()
                + ((Number) states.getOrDefault("paused", 0L)).longValue()
                + ((Number) states.getOrDefault("conflict", 0L)).longValue();
        return Health.up().withDetail("states", states).withDetail("needAttention", failing).build();
    }
}

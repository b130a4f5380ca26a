package dev.curation.command.publishing;

import static dev.curation.service.SettingChecks.notNegative;
import static dev.curation.service.SettingChecks.positive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.publisher.*}: the watchdog that starts the Kafka publisher again when Axon has
 * stopped it ({@link Republisher}).
 *
 * @param watchdogInterval     how often the watchdog looks
 * @param watchdogInitialDelay how long after the start it first looks, so that it does not race the
 *                             publisher's own start
 */
@ConfigurationProperties("curation.publisher")
public record PublisherProperties(@DefaultValue("5s") Duration watchdogInterval,
                                  @DefaultValue("30s") Duration watchdogInitialDelay) {

    public PublisherProperties {
        positive("curation.publisher.watchdog-interval", watchdogInterval);
        notNegative("curation.publisher.watchdog-initial-delay", watchdogInitialDelay);
    }
}

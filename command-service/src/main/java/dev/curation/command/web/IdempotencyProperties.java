package dev.curation.command.web;

import static dev.curation.service.SettingChecks.positive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.idempotency.*}: how long the answers of writes sent with an {@code Idempotency-Key}
 * are kept for replay.
 *
 * @param ttl             an answer is kept this long, then forgotten: a key is for retries, not forever
 * @param cleanupInterval how often answers older than {@code ttl} are deleted
 */
@ConfigurationProperties("curation.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl, @DefaultValue("1h") Duration cleanupInterval) {

    public IdempotencyProperties {
        positive("curation.idempotency.ttl", ttl);
        positive("curation.idempotency.cleanup-interval", cleanupInterval);
    }
}

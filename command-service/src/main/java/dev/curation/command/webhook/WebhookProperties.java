package dev.curation.command.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.webhooks.*}: whether deliveries are sent, how often the sender looks, the
 * deadline of a whole delivery (resolving, connecting, the answer and the first 4 KB of its body),
 * the first pause after a failure (doubling up to {@code maxBackoff}), the
 * failures in a row that disable a subscription, and whether private or loopback targets are
 * allowed (tests and local receivers only).
 */
@ConfigurationProperties("curation.webhooks")
public record WebhookProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration poll,
                                @DefaultValue("10s") Duration timeout, @DefaultValue("10s") Duration backoff,
                                @DefaultValue("1h") Duration maxBackoff, @DefaultValue("10") int disableAfter,
                                @DefaultValue("false") boolean allowPrivate) {

    public WebhookProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("curation.webhooks.timeout must be positive, not " + timeout);
        }
    }
}

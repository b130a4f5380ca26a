package dev.curation.command.webhook;

import static dev.curation.service.SettingChecks.atLeast;
import static dev.curation.service.SettingChecks.positive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.webhooks.*}: whether deliveries are sent, how often the sender looks, the
 * deadline of a whole delivery (resolving, connecting, the answer and the first 4 KB of its body),
 * the first pause after a failure (doubling up to {@code maxBackoff}), the
 * failures in a row that disable a subscription, and whether private or loopback targets are
 * allowed (tests and local receivers only).
 *
 * @param enabled      whether this replica sends deliveries
 * @param poll         how often due deliveries are leased
 * @param timeout      the deadline of a whole delivery; a subscription is leased for it and 30 s more
 * @param backoff      the pause after a failed attempt, doubling with each further one
 * @param maxBackoff   the longest pause between attempts
 * @param disableAfter failed attempts in a row that disable a subscription
 * @param allowPrivate allow loopback, private and link-local receivers (tests and local receivers only)
 */
@ConfigurationProperties("curation.webhooks")
public record WebhookProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration poll,
                                @DefaultValue("10s") Duration timeout, @DefaultValue("10s") Duration backoff,
                                @DefaultValue("1h") Duration maxBackoff, @DefaultValue("10") int disableAfter,
                                @DefaultValue("false") boolean allowPrivate) {

    public WebhookProperties {
        positive("curation.webhooks.poll", poll);
        positive("curation.webhooks.timeout", timeout);
        positive("curation.webhooks.backoff", backoff);
        positive("curation.webhooks.max-backoff", maxBackoff);
        atLeast("curation.webhooks.disable-after", disableAfter, 1);
    }
}

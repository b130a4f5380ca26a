package dev.curation.query.config;

import static dev.curation.service.SettingChecks.atLeast;
import static dev.curation.service.SettingChecks.positive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.streams.*}: the change streams (server-sent events, ADR 18).
 *
 * @param maxOpen           streams open at once on this replica; beyond, a 503 {@code busy}
 * @param maxOpenPerAddress streams open at once from one client address; beyond, a 429 {@code too-many-streams}
 * @param poll              how often an open stream looks for new changes
 * @param heartbeat         silence before a {@code : heartbeat} comment, which also notices a client that hung up
 * @param maxDuration       how long a stream stays open; the client then resumes with {@code Last-Event-ID}
 */
@ConfigurationProperties("curation.streams")
public record StreamProperties(@DefaultValue("200") int maxOpen, @DefaultValue("16") int maxOpenPerAddress,
                               @DefaultValue("500ms") Duration poll, @DefaultValue("15s") Duration heartbeat,
                               @DefaultValue("1h") Duration maxDuration) {

    public StreamProperties {
        atLeast("curation.streams.max-open", maxOpen, 1);
        atLeast("curation.streams.max-open-per-address", maxOpenPerAddress, 1);
        positive("curation.streams.poll", poll);
        positive("curation.streams.heartbeat", heartbeat);
        positive("curation.streams.max-duration", maxDuration);
    }
}

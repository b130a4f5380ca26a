package dev.curation.query.config;

import static dev.curation.service.SettingChecks.atLeast;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.rebuild.*}: rebuilding the read models from the topic beside the live ones.
 *
 * @param swapAttempts times a finished rebuild catches up with the live read model and tries to take its
 *                     place before it gives up (the live one kept getting ahead)
 */
@ConfigurationProperties("curation.rebuild")
public record RebuildProperties(@DefaultValue("20") int swapAttempts) {

    public RebuildProperties {
        atLeast("curation.rebuild.swap-attempts", swapAttempts, 1);
    }
}

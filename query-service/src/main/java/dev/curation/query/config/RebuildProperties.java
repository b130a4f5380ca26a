package dev.curation.query.config;

import static dev.curation.service.SettingChecks.atLeast;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.rebuild.*}: rebuilding the read models from the topic beside the live ones.
 *
 * @param swapAttempts times a finished rebuild catches up with the live read model and tries to take its
 *                     place before it gives up (the live one kept getting ahead)
 * @param workers      threads that apply the topic's partitions side by side during a rebuild, each with a
 *                     consumer and a database connection of its own (a list is in one partition, so its
 *                     events stay in order)
 */
@ConfigurationProperties("curation.rebuild")
public record RebuildProperties(@DefaultValue("20") int swapAttempts, @DefaultValue("2") int workers) {

    public RebuildProperties {
        atLeast("curation.rebuild.swap-attempts", swapAttempts, 1);
        atLeast("curation.rebuild.workers", workers, 1);
    }
}

package dev.curation.query.config;

import static dev.curation.service.SettingChecks.atLeast;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.projection.*}: the projection of list events into the read models.
 *
 * @param itemsInMemory lists kept loaded between batches, in KB of heap as {@code ListDocument#estimatedBytes}
 *                      counts them (an item, entry or section, takes 0.4 to 1 KB, so about as many items);
 *                      0 (the default): as many as two fifths of the heap hold
 */
@ConfigurationProperties("curation.projection")
public record ProjectionProperties(@DefaultValue("0") long itemsInMemory) {

    public ProjectionProperties {
        atLeast("curation.projection.items-in-memory", itemsInMemory, 0);
    }
}

package dev.curation.query.config;

import static dev.curation.service.SettingChecks.atLeast;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.projection.*}: the projection of list events into the read models.
 *
 * @param itemsInMemory items (entries and sections, about 1 KB each) of lists kept loaded between batches;
 *                      0 (the default): as many as a quarter of the heap holds
 */
@ConfigurationProperties("curation.projection")
public record ProjectionProperties(@DefaultValue("0") long itemsInMemory) {

    public ProjectionProperties {
        atLeast("curation.projection.items-in-memory", itemsInMemory, 0);
    }
}

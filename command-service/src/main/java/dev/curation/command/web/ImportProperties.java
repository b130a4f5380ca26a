package dev.curation.command.web;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize      largest Markdown body accepted by an import ({@code curation.import.max-size}, default 5MB)
 * @param queryBaseUrl where the query service answers, for {@code Location} headers
 * @param maxBundleSize   largest list bundle accepted by an import ({@code curation.import.max-bundle-size},
 *                        default 512MB); it is spooled to a temporary file, never held in memory
 * @param maxBundleEvents most events a bundle may declare ({@code curation.import.max-bundle-events})
 */
@ConfigurationProperties("curation.import")
public record ImportProperties(@DefaultValue("5MB") DataSize maxSize,
                               @DefaultValue("http://127.0.0.1:8082") URI queryBaseUrl,
                               @DefaultValue("512MB") DataSize maxBundleSize,
                               @DefaultValue("1000000") long maxBundleEvents) {
}

package dev.curation.command.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxJsonBody largest request body other than a Markdown import ({@code curation.web.max-json-body},
 *                    default 1MB); a change set of a thousand edits is about 100 KB
 */
@ConfigurationProperties("curation.web")
record WebLimitProperties(@DefaultValue("1MB") DataSize maxJsonBody) {
}

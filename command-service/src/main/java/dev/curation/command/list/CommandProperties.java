package dev.curation.command.list;

import static dev.curation.service.SettingChecks.atLeast;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.commands.*}: the group commit of list commands (ADR 13).
 *
 * @param batchWorkers threads storing list commands, each its own share of the lists and one transaction at a time
 * @param maxBatch     list commands stored in one transaction at most
 */
@ConfigurationProperties("curation.commands")
public record CommandProperties(@DefaultValue("2") int batchWorkers, @DefaultValue("64") int maxBatch) {

    public CommandProperties {
        atLeast("curation.commands.batch-workers", batchWorkers, 1);
        atLeast("curation.commands.max-batch", maxBatch, 1);
    }
}

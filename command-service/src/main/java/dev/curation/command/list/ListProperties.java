package dev.curation.command.list;

import static dev.curation.service.SettingChecks.atLeast;
import static dev.curation.service.SettingChecks.positive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.lists.*}: the loaded lists of the write side.
 *
 * @param cacheSize   lists kept loaded (most recently used), so that a command does not replay a
 *                    list's whole stream
 * @param lockTimeout how long a command waits for the lock of its list, held by the command before it
 *                    until its transaction ends ({@link ListTransactionLock}); past it the command is a 409 to retry
 */
@ConfigurationProperties("curation.lists")
public record ListProperties(@DefaultValue("1000") int cacheSize, @DefaultValue("30s") Duration lockTimeout) {

    public ListProperties {
        atLeast("curation.lists.cache-size", cacheSize, 1);
        positive("curation.lists.lock-timeout", lockTimeout);
    }
}

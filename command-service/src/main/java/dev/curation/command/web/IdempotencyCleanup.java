package dev.curation.command.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Forgets old {@code Idempotency-Key} answers every {@code curation.idempotency.cleanup-interval}, first
 * a minute after the start. Scheduled here rather than with {@code @Scheduled}, whose placeholder would
 * hold a second copy of the setting's default.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyCleanup implements SchedulingConfigurer {

    private final IdempotencyFilter filter;
    private final IdempotencyProperties settings;

    IdempotencyCleanup(IdempotencyFilter filter, IdempotencyProperties settings) {
        this.filter = filter;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(filter::expire, settings.cleanupInterval(), Duration.ofMinutes(1)));
    }
}

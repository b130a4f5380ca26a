package dev.curation.command.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends the whole event store to Kafka again, in order: the repair when the topic lost records
 * (retention, a broker that lost its page cache) or a consumer found a gap. The publisher's
 * token goes back to the start; consumers skip what they already applied by sequence, and a list
 * the query side quarantined for a gap repairs itself when its missing events arrive. Only one
 * publisher may run while its token is reset: with several command-service replicas, the others
 * must not hold the token (stop them, or run it where the token is held).
 */
@Component
public class Republisher implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(Republisher.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final Counter restarts;
    private final PublisherProperties settings;
    private boolean closing;

    Republisher(EventProcessingConfiguration processing, TokenStore tokens, TransactionManager transactions,
                MeterRegistry meters, PublisherProperties settings) {
        this.settings = settings;
        this.processing = processing;
        this.tokens = tokens;
        this.transactions = transactions;
        this.restarts = Counter.builder("curation.publisher.restarts")
                .description("times the watchdog started a publisher that had stopped").register(meters);
    }

    /** The watchdog's schedule, from {@link PublisherProperties} (a {@code @Scheduled} placeholder would repeat its defaults). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::keepRunning, settings.watchdogInterval(),
                settings.watchdogInitialDelay()));
    }

    /**
     * The publisher must never stay stopped: Axon stops a processor whose thread was interrupted
     * (its unit-of-work timeout does that to a batch stuck behind a paused broker), and nothing
     * would start it again. Checked every few seconds ({@code curation.publisher.watchdog-interval});
     * a stopped publisher is started and logged.
     */
    public synchronized void keepRunning() {
        if (closing) {
            return;
        }
        processing.eventProcessor(KafkaEventPublisher.PROCESSOR, StreamingEventProcessor.class)
                .filter(p -> !p.isRunning())
                .ifPresent(p -> {
                    try {
                        p.start();
                        restarts.increment();
                        LOG.warn("the publisher had stopped (interrupted or failed); started it again");
                    } catch (IllegalStateException e) {
                        LOG.debug("publisher still shutting down; next check starts it: {}", e.getMessage());
                    }
                });
    }

    /** The service is stopping: a stopped publisher is then meant to be stopped. */
    @EventListener(ContextClosedEvent.class)
    public synchronized void closing() {
        closing = true;
    }

    /** Restarts the publisher from the first stored event. */
    public synchronized void republish() {
        StreamingEventProcessor publisher = processing
                .eventProcessor(KafkaEventPublisher.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no publisher processor"));
        LOG.warn("republishing the event store to Kafka from the start (operator request)");
        publisher.shutDown();
        try {
            // no ReplayToken (Axon's resetTokens): its context does not survive the JSON serializer,
            // and the publisher does not need to know it is replaying; an empty token is "from the start"
            transactions.executeInTransaction(() -> {
                for (int segment : tokens.fetchSegments(KafkaEventPublisher.PROCESSOR)) {
                    tokens.storeToken(null, KafkaEventPublisher.PROCESSOR, segment);
                    tokens.releaseClaim(KafkaEventPublisher.PROCESSOR, segment);
                }
            });
        } finally {
            publisher.start();
        }
    }
}

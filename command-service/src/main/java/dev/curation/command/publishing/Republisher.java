package dev.curation.command.publishing;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public class Republisher {

    private static final Logger LOG = LoggerFactory.getLogger(Republisher.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionManager transactions;

    Republisher(EventProcessingConfiguration processing, TokenStore tokens, TransactionManager transactions) {
        this.processing = processing;
        this.tokens = tokens;
        this.transactions = transactions;
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

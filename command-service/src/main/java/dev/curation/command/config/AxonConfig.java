package dev.curation.command.config;

import dev.curation.command.list.EventMetadata;
import dev.curation.command.list.ListCommandBatcher;
import dev.curation.command.list.ListProperties;
import dev.curation.command.list.ListTransactionLock;
import dev.curation.core.edit.EditException;
import dev.curation.core.input.InputLimits;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.EventRevision;
import dev.curation.core.list.InputContract;
import dev.curation.core.list.ListRuleException;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.sql.SQLException;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.Registration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonConfig {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Event payloads as JSON, each stored with the revision its type declares with {@link EventRevision}. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return Jackson3Serializer.builder().revisionResolver(eventRevisions()).build();
    }

    static RevisionResolver eventRevisions() {
        return EventEnvelope::revisionOf;
    }

    /**
     * The command bus as Axon's auto-configuration builds it, except that a refused command does
     * not roll its unit of work back. Refusals ({@link EditException}, {@link ListRuleException})
     * are thrown while deciding, before any event is applied, so there is nothing to undo; but a
     * rollback makes the caching repository evict the list, and the next command on it would then
     * replay every event of the list from the store. The refusal still reaches the caller.
     */
    @Bean
    // Axon's Configuration spelled out: the simple name is Spring's @Configuration on this class
    SimpleCommandBus curationCommandBus(TransactionManager transactions, org.axonframework.config.Configuration axon,
                                        DuplicateCommandHandlerResolver duplicates, InputContract contract,
                                        ListProperties lists, Tracer tracer, Propagator propagator) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(transactions)
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .rollbackConfiguration(AxonConfig::rollsBack)
                .build();
        // first: the command's span is current while the rest runs, and its events carry it
        bus.registerHandlerInterceptor(new CommandSpans(tracer, propagator));
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        // one command per list until its transaction ends, not only until its unit of work does
        bus.registerHandlerInterceptor(new ListTransactionLock(lists.lockTimeout()));
        // the input contract, before a command is handled: nothing it refuses reaches the list
        bus.registerDispatchInterceptor(commands -> (index, command) -> {
            contract.check(command.getPayload());
            // the request's trace id, which Axon's MessageOriginProvider copies onto every event
            Span current = tracer.currentSpan();
            return current == null ? command : command.andMetaData(Map.of(EventMetadata.TRACE_ID, current.context().traceId()));
        });
        return bus;
    }

    @Bean
    InputLimits inputLimits(LimitsProperties limits) {
        return limits.toInputLimits();
    }

    @Bean
    InputContract inputContract(InputLimits limits) {
        return new InputContract(limits);
    }

    /** No stored event may exceed the bound the publisher can always send. */
    @Bean
    Registration eventSizeLimit(EventStore events, @Qualifier("eventSerializer") Serializer serializer, InputLimits limits) {
        return events.registerDispatchInterceptor(new EventSizeLimit(serializer, limits.maxEventBytes()));
    }

    static boolean rollsBack(Throwable failure) {
        return !ListCommandBatcher.isRefusal(failure) && RollbackConfigurationType.ANY_THROWABLE.rollBackOn(failure);
    }

    /**
     * Tells Axon which storage failures mean "another writer stored this sequence first": the
     * default resolver reads vendor error codes, and PostgreSQL reports a unique violation only as
     * SQL state 23505, so a lost race between two command-service replicas used to be a 500. Now it
     * is Axon's {@code ConcurrencyException} (409, retry), and the unit of work rolls back, which
     * evicts the stale cached list.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolations() {
        return failure -> {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Correlation id and trace id of the causing message. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** The signed-in user travels from the command to every event it causes. */
    @Bean
    CorrelationDataProvider actor() {
        return new SimpleCorrelationDataProvider(EventMetadata.ACTOR);
    }
}

package dev.curation.command.list;

import java.util.List;
import org.axonframework.eventhandling.EventBus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the event store's reader (the source of the Kafka publisher and the webhook outbox) once
 * events are committed in a transaction that Axon's units of work only joined: a group commit's,
 * or a caller's. Axon wakes the reader when a unit of work commits, which then is before the
 * transaction does: the reader finds nothing yet and would sleep until another commit wakes it, or
 * its fetch delay (1 s) runs out. An empty publish outside a unit of work stores nothing and
 * wakes the reader (Axon's after-commit step of the embedded event store).
 */
@Component
class EventStoreWake {

    private final EventBus events;

    EventStoreWake(EventBus events) {
        this.events = events;
    }

    /** Wakes the reader now: call after the transaction that stored events committed. */
    void now() {
        events.publish(List.of());
    }

    /** Wakes the reader after the current transaction commits, once per transaction; nothing without one. */
    void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                now();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(EventStoreWake.this);
            }
        });
    }
}

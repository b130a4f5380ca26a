/**
 * Publication of stored events to Kafka. A tracking event processor reads Axon's event store and
 * sends every event, in order, to the list-events topic: the event store is the outbox, so no
 * event reaches Kafka that was not stored, and a crash means sending again, never losing.
 */
package dev.curation.command.publishing;

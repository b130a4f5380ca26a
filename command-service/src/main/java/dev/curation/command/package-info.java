/**
 * The command side: accepts changes to curated lists over HTTP, decides them in the
 * {@code CuratedList} aggregate, stores the resulting events in PostgreSQL (Axon's JDBC event
 * store) and publishes them to Kafka.
 */
package dev.curation.command;

/**
 * {@code ./curation bench}: starts the real stack as a user does, loads it over HTTP, and measures
 * beside baselines taken in the same run on the same PostgreSQL server and Kafka broker: a
 * single-row INSERT + COMMIT per transaction (the floor of a durable write) and a Kafka producer
 * and consumer (acks=all, idempotent). Prints one line per measure and writes docs/benchmarks.md
 * with charts.
 */
package dev.curation.bench;

/**
 * Real infrastructure without Docker: PostgreSQL from embedded binaries and Apache Kafka's own
 * broker in KRaft mode, both on loopback. Used by {@code ./curation start} and by every test
 * that needs a database or a broker, so tests run against the same parts as the product.
 */
package dev.curation.embedded;

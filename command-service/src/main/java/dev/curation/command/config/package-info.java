/**
 * Wiring of Axon Framework 4.13 on Spring Boot 4 without Axon Server: JDBC event and token
 * stores on PostgreSQL with snake_case tables created by Flyway, JSON (Jackson 3) event
 * payloads with explicit revisions, and correlation data (actor, correlation id) on every event.
 */
package dev.curation.command.config;

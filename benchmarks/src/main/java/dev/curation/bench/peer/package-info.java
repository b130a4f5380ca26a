/**
 * The CRUD peer: what a user would build instead of the event-sourced backend, measured in the
 * same benchmark run. A Spring Boot web app (Spring MVC, Spring Security HTTP Basic with the same
 * cached check the command service does, JdbcTemplate on HikariCP) that takes the same addLink
 * change set and stores it as one row, with a per-list version, in one transaction on the stack's
 * PostgreSQL. {@code Bench} starts it in a JVM of its own with the services' heap and GC flags.
 */
package dev.curation.bench.peer;

/**
 * The query service's settings ({@code curation.query}, {@code curation.streams}, {@code curation.kafka},
 * {@code curation.rebuild}, {@code curation.projection}): records bound from configuration, with their
 * defaults and checks, depending on nothing else of the service. Link health's are in
 * {@code LinkHealthProperties}; docs/operations.md lists them all.
 */
package dev.curation.query.config;

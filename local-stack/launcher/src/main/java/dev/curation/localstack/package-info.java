/**
 * {@code ./curation start}: the whole product on one machine without Docker. Real PostgreSQL and
 * a real Kafka broker run embedded, both services run as child processes of their executable
 * jars, the seed lists are imported once, and everything stops on Ctrl-C or SIGTERM.
 */
package dev.curation.localstack;

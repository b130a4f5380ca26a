/**
 * The query side: consumes the list-events topic, projects it into PostgreSQL read models of its
 * own (applying each event exactly once), and serves lists, their structure and their Markdown.
 */
package dev.curation.query;

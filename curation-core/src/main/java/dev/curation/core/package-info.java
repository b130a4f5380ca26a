/**
 * The curation domain, free of any framework: a curated list as a document of sections and
 * blocks with stable ids, the line-preserving Markdown reader and writer, and the commands,
 * events and the one event fold that both services share.
 */
package dev.curation.core;

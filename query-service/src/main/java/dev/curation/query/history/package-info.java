/**
 * The history of lists: every applied event and version kept (appends only), and what is built on
 * them: time travel, diffs between versions, per-entry history, blame and the Atom feed.
 */
package dev.curation.query.history;

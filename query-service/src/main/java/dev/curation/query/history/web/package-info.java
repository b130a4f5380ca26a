/** HTTP reads of history: versions, diffs, per-entry history, blame, the Atom feed. */
package dev.curation.query.history.web;

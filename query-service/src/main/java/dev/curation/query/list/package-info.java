/**
 * Read models of lists: the projection that folds list events (with curation-core's shared
 * fold) into stored documents and Markdown exports, and the store that reads them back.
 */
package dev.curation.query.list;

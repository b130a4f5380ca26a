package dev.curation.query.list;

import dev.curation.core.document.ListDocument;

/** A list's current document with the version and sequence it reflects. */
public record StoredDocument(String listId, String slug, long version, long lastSequence, ListDocument document) {
}

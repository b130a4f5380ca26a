package dev.curation.query.list;

import dev.curation.core.document.ListDocument;
import java.time.Instant;

/**
 * What readers see of a list once a version is complete: its number and counts, taken at that
 * moment since later events may follow in the same batch. The text is rendered on read.
 */
public record PublishedVersion(long version, int sections, int entries, Instant at, String actor) {

    static PublishedVersion of(long version, ListDocument document, Instant at, String actor) {
        return new PublishedVersion(version, document.sectionCount(), document.entryCount(), at, actor);
    }
}

package dev.curation.query.list;

import java.time.Instant;

/** A list as the list of lists shows it. */
public record ListSummary(String id, String slug, long version, int sections, int entries,
                          Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}

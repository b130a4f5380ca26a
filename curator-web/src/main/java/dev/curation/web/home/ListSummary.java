package dev.curation.web.home;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One list as the home page shows it ({@code GET /api/lists}); counts absent where the API does not say. */
public record ListSummary(String slug, long version, int sections, int entries, @Nullable Instant updatedAt,
                          @Nullable String updatedBy, @Nullable Integer openProposals,
                          @Nullable Integer lintErrors, @Nullable Integer deadLinks) {
}

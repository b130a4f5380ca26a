package dev.curation.web.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One version as {@code GET /api/lists/{slug}/history} describes it; summary, rationale and a
 * commit's words are people's words (escaped). {@code commit}: the git commit it came from, absent
 * for a version made here.
 */
public record VersionRow(long version, @Nullable Instant timestamp, @Nullable String actor, @Nullable String kind,
                         @Nullable String summary, @Nullable String proposal, @Nullable String rationale,
                         @Nullable GitCommit commit) {
}

package dev.curation.web.settings;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One member of a list ({@code GET /api/lists/{slug}/members}). */
public record MemberRow(String member, String role, @Nullable Instant since, @Nullable String by) {
}

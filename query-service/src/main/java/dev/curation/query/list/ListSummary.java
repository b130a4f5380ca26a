package dev.curation.query.list;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A list as the list of lists shows it. {@code openProposals}: proposals submitted or sent back
 * for changes, not yet decided or withdrawn; {@code lintErrors}, {@code lintWarnings}: the current
 * version's problems under the list's lint profile (as {@code GET /api/lists/{slug}/lint} counts
 * them; made a moment after the version, by {@code LintCountKeeper}); {@code deadLinks}: entries whose link is dead;
 * {@code import}: for a list imported from git, how far its import is (absent for others).
 */
public record ListSummary(String id, String slug, long version, int sections, int entries,
                          Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                          int openProposals, int lintErrors, int lintWarnings, int deadLinks,
                          @JsonProperty("import") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable GitImport gitImport) {
}

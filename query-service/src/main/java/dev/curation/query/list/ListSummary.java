package dev.curation.query.list;

import java.time.Instant;

/**
 * A list as the list of lists shows it. {@code openProposals}: proposals submitted or sent back
 * for changes, not yet decided or withdrawn; {@code lintErrors}, {@code lintWarnings}: the current
 * version's problems under the list's lint profile (as {@code GET /api/lists/{slug}/lint} counts
 * them; made a moment after the version, by {@code LintCountKeeper}); {@code deadLinks}: entries whose link is dead.
 */
public record ListSummary(String id, String slug, long version, int sections, int entries,
                          Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                          int openProposals, int lintErrors, int lintWarnings, int deadLinks) {
}

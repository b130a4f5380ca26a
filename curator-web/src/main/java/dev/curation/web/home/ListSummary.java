package dev.curation.web.home;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One list as the home page shows it ({@code GET /api/lists}); counts absent where the API does not
 * say. {@code gitImport}: the API's {@code import}, for a list imported from git.
 */
public record ListSummary(String slug, long version, int sections, int entries, @Nullable Instant updatedAt,
                          @Nullable String updatedBy, @Nullable Integer openProposals,
                          @Nullable Integer lintErrors, @Nullable Integer deadLinks,
                          @JsonProperty("import") @Nullable GitImport gitImport) {

    /** The history import of a list from git: {@code importing} until every commit is in, then {@code complete}. */
    public record GitImport(@Nullable String state, @Nullable String repository, @Nullable String branch,
                            @Nullable String path, long version, int commits) {

        /** The most a progress bar shows: the commits expected, at least the version reached. */
        public long max() {
            return Math.max(Math.max(commits, version), 1);
        }
    }

    /** Whether the list's git history is still being imported (its page then says how far). */
    public boolean importing() {
        return gitImport != null && "importing".equals(gitImport.state());
    }
}

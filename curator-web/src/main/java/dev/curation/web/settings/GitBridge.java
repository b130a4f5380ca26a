package dev.curation.web.settings;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A list's git bridge and where its sync stands ({@code GET /api/lists/{slug}/git}): never its
 * credentials, only whether there are some.
 *
 * @param unpublishedVersions versions accepted here that git does not have yet (the lag)
 * @param failures            attempts that failed in a row
 */
public record GitBridge(String repository, String branch, String path, boolean publish, boolean pull,
                        boolean credentials, @Nullable String state, @Nullable String lastCommit,
                        @Nullable Long lastVersion, @Nullable String remoteHead, long unpublishedVersions,
                        @Nullable String lastError, int failures, @Nullable Instant lastAttemptAt,
                        @Nullable Instant nextAttemptAt) {

    /** The states a bridge reports, each with its words on the page. */
    public static final List<String> STATES = List.of("in-sync", "behind", "ahead", "conflict", "error", "paused", "pending");

    /** The state as a message key's last part: one of {@link #STATES}, else "unknown". */
    public String stateKey() {
        return state != null && STATES.contains(state) ? state : "unknown";
    }

    /** The fidelity gate stopped the bridge: the owners choose which side to take. */
    public boolean conflict() {
        return "conflict".equals(state);
    }

    public @Nullable String shortCommit() {
        return shortId(lastCommit);
    }

    public @Nullable String shortHead() {
        return shortId(remoteHead);
    }

    private static @Nullable String shortId(@Nullable String id) {
        return id == null || id.length() <= 7 ? id : id.substring(0, 7);
    }
}

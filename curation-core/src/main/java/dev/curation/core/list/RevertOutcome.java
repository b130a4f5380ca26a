package dev.curation.core.list;

import org.jspecify.annotations.Nullable;

/**
 * What a revert or a rollback decided: the new version, the versions it undid ({@code from}
 * to {@code through}, the same for one version), and for a rollback whose versions they were,
 * as the list read the name.
 */
public record RevertOutcome(long version, long from, long through, @Nullable String rollbackOf) {
}

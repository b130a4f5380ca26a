package dev.curation.core.list;

import org.jspecify.annotations.Nullable;

/**
 * A curator's change set was accepted as {@code version}; the edit events follow. {@code baseVersion}
 * is the version it was written against (it was rebased when older).
 */
@EventRevision("1")
public record ChangeSetApplied(String listId, long version, long baseVersion, @Nullable String rationale) implements ListEvent {
}

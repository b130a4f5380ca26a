package dev.curation.web.history;

import org.jspecify.annotations.Nullable;

/**
 * Versions {@code version} through {@code through} of a list, to be undone: the preview shows the
 * diff from version - 1 to through, which is what the revert takes away.
 */
public record RevertRange(long version, long through) {

    public boolean single() {
        return version == through;
    }

    /** The API's revert: {@code throughVersion} only for a range. */
    Object body() {
        return single() ? new Revert(version, null) : new Revert(version, through);
    }

    /** The one edit of a proposal that reverts the range. */
    Object edit() {
        return new RevertEdit("revert", version, single() ? null : through);
    }

    record Revert(long version, @Nullable Long throughVersion) {
    }

    record RevertEdit(String op, long version, @Nullable Long throughVersion) {
    }
}

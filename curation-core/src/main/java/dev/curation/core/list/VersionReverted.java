package dev.curation.core.list;

import org.jspecify.annotations.Nullable;

/**
 * A curator reverted versions {@code reverted} to {@code through} (null: just {@code reverted},
 * as revision 1 recorded every revert), or rolled back the latest versions of {@code rollbackOf};
 * this is {@code version}, and the undoing events follow.
 */
@EventRevision("2")
public record VersionReverted(String listId, long version, long reverted, @Nullable Long through, @Nullable String rollbackOf,
                              String by) implements ListEvent {

    /** The last version undone. */
    public long last() {
        return through == null ? reverted : through;
    }
}

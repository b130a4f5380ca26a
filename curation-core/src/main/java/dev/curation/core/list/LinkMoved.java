package dev.curation.core.list;

import org.jspecify.annotations.Nullable;

/** A link line moved, verbatim, to block {@code index} of {@code section}'s body. */
@EventRevision("1")
public record LinkMoved(String listId, String entry, @Nullable String fromSection, String section, int index)
        implements ListEvent {
}

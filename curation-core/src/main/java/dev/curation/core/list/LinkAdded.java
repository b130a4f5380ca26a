package dev.curation.core.list;

import org.jspecify.annotations.Nullable;

/** A link line was inserted as block {@code index} of {@code section}'s body (null: the preamble). */
@EventRevision("1")
public record LinkAdded(String listId, String entry, @Nullable String section, int index, String raw, String title, String url,
                        String description) implements ListEvent {
}

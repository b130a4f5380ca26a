package dev.curation.core.list;

/** A link line moved, verbatim, to block {@code index} of {@code section}'s body. */
@EventRevision("1")
public record LinkMoved(String listId, String entry, String fromSection, String section, int index)
        implements ListEvent {
}

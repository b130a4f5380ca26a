package dev.curation.core.list;

import java.util.Objects;

/**
 * A list's git history is in: every commit of the file up to {@code commit} (the branch's head when
 * the import ended) is one of its versions, {@code version} the last. Until this event the list is
 * importing and is not served as complete.
 */
@EventRevision("1")
public record HistoryImported(String listId, String commit, long version) implements ListEvent {

    public HistoryImported {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(commit, "commit");
    }
}

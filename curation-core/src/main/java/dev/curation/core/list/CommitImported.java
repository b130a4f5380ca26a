package dev.curation.core.list;

import dev.curation.core.document.SyncStep;
import java.util.List;
import java.util.Objects;

/**
 * A commit from git became {@code version}: the list is now the commit's file, byte for byte.
 * {@code removed} are the ids no longer in it; {@code steps} rebuild the document from the one
 * before (runs kept, changed nodes put), or, when they would make an event too large, {@code parts}
 * {@link ListContentImported} events follow with the whole document and {@code steps} is empty.
 * {@code lastId} is the id counter after it.
 */
@EventRevision("1")
public record CommitImported(String listId, long version, GitCommit commit, List<String> removed, List<SyncStep> steps,
                             int parts, long lastId) implements ListEvent {

    public CommitImported {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(commit, "commit");
        removed = List.copyOf(removed);
        steps = List.copyOf(steps);
    }
}

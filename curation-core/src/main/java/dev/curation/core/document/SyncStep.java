package dev.curation.core.document;

import org.jspecify.annotations.Nullable;

/**
 * One step of rebuilding a document as a new file says: either keep {@code count} nodes of the
 * document as it was, consecutive in document order from the node {@code keep}, or put
 * {@code node} (new, or an old id with new lines or a new parent).
 */
public record SyncStep(@Nullable String keep, int count, @Nullable DocumentNode node) {

    public SyncStep {
        if ((keep == null) == (node == null) || (keep != null && count < 1)) {
            throw new IllegalArgumentException("a step keeps a run of nodes or puts one node");
        }
    }

    public static SyncStep keep(String first, int count) {
        return new SyncStep(first, count, null);
    }

    public static SyncStep put(DocumentNode node) {
        return new SyncStep(null, 0, node);
    }
}

package dev.curation.core.decider;

import dev.curation.core.document.ListDocument;
import dev.curation.core.edit.Revert;
import java.util.List;

/**
 * What earlier versions of a list did: the port a revert needs, since the list's state keeps
 * only the present. The command service reads it from its event store.
 */
@FunctionalInterface
public interface ListHistory {

    /**
     * The list as it was before version {@code from}, and the events of versions {@code from} to
     * {@code through}, each complete (versions it does not have are left out).
     */
    PastVersions of(String listId, long from, long through);

    record PastVersions(ListDocument before, List<Revert.PastVersion> versions) {

        public PastVersions {
            versions = List.copyOf(versions);
        }
    }
}

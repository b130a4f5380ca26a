package dev.curation.core.list;

import java.util.Objects;

/**
 * An owner connected the list to one file on one branch of a repository (a URL without
 * credentials; a password lives in the command service's own table, never in an event):
 * {@code publish} makes every accepted version a commit there, {@code pull} makes its outside
 * commits versions here.
 */
@EventRevision("1")
public record GitBridgeSet(String listId, String repository, String branch, String path, boolean publish, boolean pull,
                           String by) implements ListEvent {

    public GitBridgeSet {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(path, "path");
    }
}

package dev.curation.core.list;

import java.util.Objects;

/**
 * Where a list's history is imported from: one file on one branch of a repository (a URL without
 * credentials) and how many commits make its versions, as counted when the import began.
 */
public record GitSource(String repository, String branch, String path, int commits) {

    public GitSource {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(path, "path");
    }
}

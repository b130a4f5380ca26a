package dev.curation.command.git.web;

import dev.curation.command.git.GitImports;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An import's progress as answered: never its credentials. */
record ImportView(String id, String slug, String state, String repository, String branch, String path, int commits,
                  int version, int skipped, @Nullable String lastCommit, @Nullable String lastError, String startedBy,
                  Instant startedAt, Instant updatedAt, URI list) {

    static ImportView of(GitImports.Progress p, URI list) {
        return new ImportView(p.listId(), p.slug(), p.state(), p.repository(), p.branch(), p.path(), p.commits(), p.done(),
                p.skipped(), p.lastCommit(), p.lastError(), p.startedBy(), p.startedAt(), p.updatedAt(), list);
    }
}

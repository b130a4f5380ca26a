package dev.curation.core.list;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Create a list {@code slug} from the Markdown text of a file; from git, the file at {@code commit},
 * the first of the history {@code git}.
 */
public record ImportList(String listId, String slug, String markdown, @Nullable GitCommit commit, @Nullable GitSource git) {

    public ImportList(String listId, String slug, String markdown) {
        this(listId, slug, markdown, null, null);
    }

    public ImportList {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(markdown, "markdown");
        Slug.check(slug);
    }
}

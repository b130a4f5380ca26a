package dev.curation.core.list;

import java.util.Objects;

/** Create a list {@code slug} from the Markdown text of a file. */
public record ImportList(String listId, String slug, String markdown) {

    public ImportList {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(markdown, "markdown");
        Slug.check(slug);
    }
}

package dev.curation.core.list;

/** A link's title, URL or description changed; {@code raw} is its new line. */
@EventRevision("1")
public record LinkEdited(String listId, String entry, String raw, String title, String url, String description)
        implements ListEvent {
}

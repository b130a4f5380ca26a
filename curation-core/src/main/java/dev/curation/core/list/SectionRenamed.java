package dev.curation.core.list;

/** A section's title changed; {@code heading} holds its new heading lines. */
@EventRevision("1")
public record SectionRenamed(String listId, String section, String heading, String title) implements ListEvent {
}

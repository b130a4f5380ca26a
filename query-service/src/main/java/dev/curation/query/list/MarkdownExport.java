package dev.curation.query.list;

/** The Markdown of a list as stored, with its entity tag. */
public record MarkdownExport(String listId, long version, byte[] markdown, String etag) {
}

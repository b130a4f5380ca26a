package dev.curation.web.propose;

/** The entry an edit, move or removal is about, as the form shows and fills it in. */
public record TargetEntry(String id, String section, String title, String url, String description) {
}

package dev.curation.core.list;

/** Everything that can happen to a curated list. */
public sealed interface ListEvent permits ListImported, ListContentImported {

    String listId();
}

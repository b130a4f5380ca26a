package dev.curation.core.list;

import dev.curation.core.document.ListDocument;

/**
 * The one fold from list events to the list document, used by the aggregate on the write side
 * and by the projections on the read side, so both agree on what a list looks like.
 */
public final class ListFold {

    private ListFold() {
    }

    /** Applies one event; returns the document after it (a new one for {@link ListImported}). */
    public static ListDocument apply(ListDocument document, ListEvent event) {
        return switch (event) {
            case ListImported imported -> new ListDocument();
            case ListContentImported content -> {
                ListDocument target = document == null ? new ListDocument() : document;
                content.nodes().forEach(target::append);
                yield target;
            }
        };
    }

    public static ListDocument fold(Iterable<? extends ListEvent> events) {
        ListDocument document = null;
        for (ListEvent event : events) {
            document = apply(document, event);
        }
        return document;
    }
}

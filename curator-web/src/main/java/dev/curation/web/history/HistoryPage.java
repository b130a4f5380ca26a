package dev.curation.web.history;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/lists/{slug}/history}: a page of versions, newest first; {@code next} absent on the last. */
record HistoryPage(@Nullable List<VersionRow> items, int page, int size, @Nullable String next) {

    List<VersionRow> rows() {
        return items == null ? List.of() : items;
    }
}

package dev.curation.web.history;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** A list's versions as the version and revert pages read them from the query service. */
@Component
class Versions {

    static final MediaType MARKDOWN = MediaType.valueOf("text/markdown");
    static final MediaType DIFF = MediaType.valueOf("text/x-diff");

    private final CurationApi api;

    Versions(CurationApi api) {
        this.api = api;
    }

    /** The list's current version: the newest row of its history. */
    long latest(String slug) {
        List<VersionRow> newest = api.read("/api/lists/{slug}/history?page=0&size=1", HistoryPage.class, slug).rows();
        return newest.isEmpty() ? 0 : newest.getFirst().version();
    }

    /** Version {@code n}'s row: history is newest first, one version per row, so it is row latest - n. */
    @Nullable VersionRow row(String slug, long n, long latest) {
        long index = latest - n;
        if (index < 0 || index > Integer.MAX_VALUE) {
            return null;
        }
        List<VersionRow> rows = api.read("/api/lists/{slug}/history?page={page}&size=1", HistoryPage.class, slug, index).rows();
        return rows.isEmpty() || rows.getFirst().version() != n ? null : rows.getFirst();
    }

    String markdown(String slug, long n) {
        return api.readText("/api/lists/{slug}/markdown?version={n}", MARKDOWN, slug, n);
    }

    /** The unified diff from version {@code from} to {@code to}. */
    List<DiffLine> diff(String slug, long from, long to) {
        return DiffLine.parse(api.readText("/api/lists/{slug}/diff?from={from}&to={to}", DIFF, slug, from, to));
    }

    /** A version number from the path: a whole number from 1 to latest, else "no such version". */
    static long number(String text, long latest, String missing) {
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException unreadable) {
            throw new ApiRefusal(404, null, missing);
        }
        if (n < 1 || n > latest) {
            throw new ApiRefusal(404, null, missing);
        }
        return n;
    }
}

package dev.curation.web.history;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import dev.curation.web.list.ListPage;
import dev.curation.web.list.PastList;
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

    /** Version {@code n}'s row of the history, or null when the API does not know it. */
    @Nullable VersionRow row(String slug, long n) {
        try {
            return api.read("/api/lists/{slug}/history/{n}", VersionRow.class, slug, n);
        } catch (ApiRefusal unknown) {
            if (unknown.notFound()) {
                return null;
            }
            throw unknown;
        }
    }

    /**
     * The list's topics and entries at version {@code n}, drawn as the list page draws them, the
     * top topics at heading level 3 (under the section's h2); null when the past read is busy
     * (the read gate's 503) and the page makes do with the text.
     */
    @Nullable ListPage structure(String slug, long n) {
        try {
            return PastList.of(api.readJson("/api/lists/{slug}?version={n}", slug, n), 3);
        } catch (ApiRefusal busy) {
            if (busy.status() < 500) {
                throw busy;
            }
            return null;
        }
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

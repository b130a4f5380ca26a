package dev.curation.web.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The review queue's filters, as its GET form sends them.
 *
 * @param status {@code open} (submitted or changes requested, the default) or one status of the API
 * @param author only this author's proposals, or empty for all
 * @param mine   only those waiting for the signed-in person
 * @param offset where this page of the queue starts
 */
public record QueueFilter(String status, String author, boolean mine, int offset) {

    public static final String OPEN = "open";
    /** The statuses offered, {@link #OPEN} first; the API's names. */
    public static final List<String> STATUSES = List.of(OPEN, "submitted", "changes_requested", "approved", "rejected", "withdrawn");

    static QueueFilter of(@Nullable String status, @Nullable String author, @Nullable String mine, @Nullable Integer offset) {
        String asked = status == null || !STATUSES.contains(status) ? OPEN : status;
        String who = author == null ? "" : author.strip();
        return new QueueFilter(asked, who.length() > 200 ? who.substring(0, 200) : who,
                "1".equals(mine) || "on".equals(mine) || "true".equals(mine),
                offset == null || offset < 0 ? 0 : Math.min(offset, 1_000_000));
    }

    /** The API's statuses to fetch for this filter. */
    List<String> apiStatuses() {
        return status.equals(OPEN) ? List.of("submitted", "changes_requested") : List.of(status);
    }

    /** The query string of this filter at {@code at}, for links and the live region's re-fetch. */
    public String query(int at) {
        StringBuilder query = new StringBuilder("status=").append(encode(status));
        if (!author.isEmpty()) {
            query.append("&author=").append(encode(author));
        }
        if (mine) {
            query.append("&mine=1");
        }
        if (at > 0) {
            query.append("&offset=").append(at);
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

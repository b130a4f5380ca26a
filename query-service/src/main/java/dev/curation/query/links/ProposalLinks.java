package dev.curation.query.links;

import dev.curation.core.edit.EditSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The health of the URLs a proposal adds or changes, from what the link checker knows about each
 * URL (in any list, or from an open proposal: {@link ProposalUrls} has the checker take those).
 */
@Repository
public class ProposalLinks {

    /** The http(s) URLs the checker looks at: others it never checks. */
    static final Pattern CHECKED = Pattern.compile("^https?://", Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;

    ProposalLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A URL of one of a proposal's edits and what the checker last found there. */
    public record ProposalLink(@Schema(description = "the (0-based) edit of the current revision that adds or changes the URL")
                             int edit,
                             String url,
                             @Schema(description = "unchecked until the checker has been there; refused: an address it will "
                                     + "not visit; excluded: a URL the settings leave out", allowableValues = {"unchecked", "ok",
                                     "redirected", "failing", "dead", "refused", "excluded"})
                             String status,
                             @Nullable Instant checkedAt,
                             @Nullable Integer httpStatus) {
    }

    /** The http(s) URLs that {@code edits} add (addLink) or set (editLink), in edit order, each with its health. */
    public List<ProposalLink> of(List<EditSpec> edits) {
        List<Integer> indexes = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            String url = url(edits.get(i));
            if (url != null) {
                indexes.add(i);
                urls.add(url);
            }
        }
        if (urls.isEmpty()) {
            return List.of();
        }
        record Known(String status, @Nullable Instant checkedAt, @Nullable Integer httpStatus) {
        }
        Map<String, Known> known = new HashMap<>();
        jdbc.sql("""
                        SELECT s.url, s.status, s.checked_at, s.http_status
                        FROM unnest(CAST(? AS text[])) AS u(url) JOIN link_state s ON s.url_hash = md5(u.url) AND s.url = u.url""")
                .param(urls.toArray(String[]::new))
                .query((rs, n) -> known.put(rs.getString(1), new Known(rs.getString(2), instant(rs.getTimestamp(3)),
                        (Integer) rs.getObject(4))))
                .list();
        List<ProposalLink> links = new ArrayList<>();
        for (int k = 0; k < urls.size(); k++) {
            Known state = known.get(urls.get(k));
            links.add(state == null ? new ProposalLink(indexes.get(k), urls.get(k), "unchecked", null, null)
                    : new ProposalLink(indexes.get(k), urls.get(k), state.status(), state.checkedAt(), state.httpStatus()));
        }
        return links;
    }

    /** The http(s) URL an edit adds or sets, if any. */
    static @Nullable String url(EditSpec edit) {
        boolean sets = "addLink".equals(edit.op()) || "editLink".equals(edit.op());
        return sets && edit.url() != null && CHECKED.matcher(edit.url()).find() ? edit.url() : null;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

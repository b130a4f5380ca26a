package dev.curation.query.links;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What the link-health read model says about a list's links and about one entry's link over time. */
@Repository
public class LinkReports {

    private static final TypeReference<List<Map<String, Object>>> HOPS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    // read on every structure request: a few seconds old is fresh enough for links checked daily
    private final Cache<String, byte[]> notOk = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000).build();

    LinkReports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The list's entries whose link is failing, dead or redirected, as a JSON object entry id to state; empty if none. */
    public byte[] notOk(String listId) {
        return notOk.get(listId, id -> {
            Map<String, String> states = new TreeMap<>();
            jdbc.sql("SELECT entry_id, status FROM entry_link_health WHERE list_id = ?").param(id)
                    .query((rs, n) -> states.put(rs.getString(1), rs.getString(2))).list();
            return states.isEmpty() ? new byte[0] : json.writeValueAsBytes(states);
        });
    }

    /** A list's id and version by slug. */
    public record ListRef(String id, String slug, long version) {
    }

    public Optional<ListRef> list(String slug) {
        return jdbc.sql("SELECT id, slug, version FROM list_view WHERE slug = ?").param(slug)
                .query((rs, n) -> new ListRef(rs.getString(1), rs.getString(2), rs.getLong(3))).optional();
    }

    /**
     * An entry's link and its health; {@code status} is {@code unchecked} until the first check.
     * {@code fix}: the bot's latest proposal for it, if any.
     */
    public record LinkView(String entry, @Nullable String section, String title, String url, String status,
                           @Nullable Integer httpStatus, @Nullable String finalUrl, int failures, @Nullable Instant checkedAt,
                           @Nullable Instant deadSince, @Nullable String archivedUrl, @Nullable String error,
                           @Nullable Fix fix) {
    }

    /** A fix the bot proposed or is to propose: {@code kind} replace, remove or update; {@code state} pending, proposed, refused or obsolete. */
    public record Fix(String kind, @Nullable String newUrl, String state, @Nullable String proposal, @Nullable String message) {
    }

    /** An entry with its link's state and the bot's latest fix for it (read by {@link #link(ResultSet, int)}). */
    private static final String LINK = """
                        SELECT e.id, e.section_id, e.title, e.url, coalesce(s.status, 'unchecked'), s.http_status, s.final_url,
                               coalesce(s.failures, 0), s.checked_at, s.dead_since, s.archived_url, s.error,
                               p.kind, p.new_url, p.state, p.proposal_id, p.message
                        FROM entry_view e
                        LEFT JOIN link_state s ON s.url_hash = md5(e.url)
                        LEFT JOIN LATERAL (SELECT kind, new_url, state, proposal_id, message FROM link_proposal p
                                           WHERE p.list_id = e.list_id AND p.entry_id = e.id AND p.url = e.url
                                           ORDER BY p.id DESC LIMIT 1) p ON true
            """;

    /**
     * The list's http(s) links, all or those with {@code status}: the dead first (newest first), then
     * in document-id order; {@code limit} from {@code offset} of that order, which is total.
     */
    public List<LinkView> links(String listId, @Nullable String status, int offset, int limit) {
        return jdbc.sql(LINK + """
                        WHERE e.list_id = ? AND e.url ~* '^https?://' AND (CAST(? AS text) IS NULL OR coalesce(s.status, 'unchecked') = CAST(? AS text))
                        ORDER BY s.dead_since DESC NULLS LAST, length(e.id), e.id LIMIT ? OFFSET ?""")
                .params(listId, status, status, limit, offset)
                .query(this::link).list();
    }

    /** How many of the list's links are in each state. */
    public Map<String, Long> counts(String listId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT coalesce(s.status, 'unchecked') AS status, count(*) FROM entry_view e
                        LEFT JOIN link_state s ON s.url_hash = md5(e.url)
                        WHERE e.list_id = ? AND e.url ~* '^https?://' GROUP BY 1 ORDER BY 1""")
                .param(listId).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    public Optional<LinkView> link(String listId, String entry) {
        return jdbc.sql(LINK + """
                        WHERE e.list_id = ? AND e.id = ?""")
                .params(listId, entry).query(this::link).optional();
    }

    /** One check of a link: what was found, and the state it left the link in. */
    public record CheckView(Instant checkedAt, String outcome, String status, @Nullable Integer httpStatus,
                            @Nullable String finalUrl, List<Map<String, Object>> redirects, int attempts, long elapsedMillis,
                            @Nullable String error, @Nullable String archivedUrl) {
    }

    /** The checks of a URL, newest first, at most {@code limit}. */
    public List<CheckView> timeline(String url, int limit) {
        return jdbc.sql("""
                        SELECT checked_at, outcome, status_after, http_status, final_url, redirects, attempts, elapsed_ms, error,
                               archived_url
                        FROM link_check WHERE url_hash = md5(?) AND url = ? ORDER BY checked_at DESC LIMIT ?""")
                .params(url, url, limit)
                .query((rs, n) -> new CheckView(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), json.readValue(rs.getString(6), HOPS), rs.getInt(7),
                        rs.getLong(8), rs.getString(9), rs.getString(10)))
                .list();
    }

    private LinkView link(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString(13);
        Fix fix = kind == null ? null : new Fix(kind, rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17));
        return new LinkView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                (Integer) rs.getObject(6), rs.getString(7), rs.getInt(8), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)), rs.getString(11), rs.getString(12), fix);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

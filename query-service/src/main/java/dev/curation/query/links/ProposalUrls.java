package dev.curation.query.links;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The URLs open proposals add or change, for the {@link LinkChecker}: a reviewer sees whether a
 * proposed link works before it is in the list. Each poll takes the URLs of proposals submitted or
 * amended since the last (at most {@link #PER_PROPOSAL} per proposal, in edit order) into
 * {@code link_state}, due now if never checked. Their results are recorded by URL like any other;
 * entries' health and the link bot's fixes read only the lists' entries, so a URL that is only in
 * a proposal makes neither. Which revision of which proposal was taken, and the hashes of the URLs
 * taken of it, are kept in memory (the checker claims those URLs first, see {@link #openUrlHashes}):
 * after a restart every open proposal is taken once more, which changes nothing already known.
 */
@Component
class ProposalUrls {

    /** Enough for any proposal a person writes; a bulk change set does not fill the checker's queue. */
    static final int PER_PROPOSAL = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ProposalUrls.class);
    private static final int PROPOSALS_PER_POLL = 100;

    /** The checked URLs of open proposals, by proposal: the first {@link #PER_PROPOSAL} http(s) ones of its edits. */
    private static final String OPEN_URLS = """
            SELECT p.id AS proposal, x.url FROM proposal_view p CROSS JOIN LATERAL (
                SELECT e ->> 'url' AS url FROM jsonb_array_elements(convert_from(p.edits, 'UTF8')::jsonb) WITH ORDINALITY AS a(e, n)
                WHERE e ->> 'op' IN ('addLink', 'editLink') AND e ->> 'url' ~* '^https?://'
                ORDER BY n LIMIT %d) x
            WHERE p.status IN ('submitted', 'changes_requested')
            """.formatted(PER_PROPOSAL);

    private final JdbcClient jdbc;
    /** Proposal id to the revision whose URLs were taken; only open proposals, and only on this poller's thread. */
    private final Map<String, Taken> taken = new HashMap<>();

    /** The revision of a proposal whose URLs were taken, and their hashes. */
    private record Taken(int revision, List<String> urlHashes) {
    }

    ProposalUrls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the URLs of open proposals new or amended since the last call; returns how many proposals.
     * A failure here is logged and leaves the lists' checks alone (they go on with the poll).
     */
    int take() {
        try {
            return takeFresh();
        } catch (DataAccessException e) {
            LOG.warn("the URLs of open proposals were not taken this time: {}", e.getMostSpecificCause().getMessage());
            return 0;
        }
    }

    private int takeFresh() {
        Map<String, Integer> open = new HashMap<>();
        jdbc.sql("SELECT id, revision FROM proposal_view WHERE status IN ('submitted', 'changes_requested')")
                .query((rs, n) -> open.put(rs.getString(1), rs.getInt(2))).list();
        taken.keySet().retainAll(open.keySet());
        List<String> fresh = open.entrySet().stream().filter(p -> {
                    Taken known = taken.get(p.getKey());
                    return known == null || known.revision() != p.getValue();
                }).map(Map.Entry::getKey).limit(PROPOSALS_PER_POLL).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        // a URL known but never checked (one no entry linked when it was due) is due again now
        jdbc.sql("""
                        INSERT INTO link_state (url_hash, url)
                        SELECT DISTINCT md5(o.url), o.url FROM (%s AND p.id = ANY (?)) o
                        ON CONFLICT (url_hash) DO UPDATE SET next_check_at = now()
                        WHERE link_state.checked_at IS NULL AND link_state.next_check_at > now()""".formatted(OPEN_URLS))
                .param(fresh.toArray(String[]::new)).update();
        Map<String, List<String>> hashes = new HashMap<>();
        jdbc.sql("SELECT o.proposal, md5(o.url) FROM (%s AND p.id = ANY (?)) o".formatted(OPEN_URLS))
                .param(fresh.toArray(String[]::new))
                .query((rs, n) -> hashes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        fresh.forEach(id -> taken.put(id, new Taken(open.get(id), List.copyOf(hashes.getOrDefault(id, List.of())))));
        return fresh.size();
    }

    /**
     * The hashes of the URLs taken of open proposals (as of the last {@link #take}), for the checker
     * to claim first when they are due: a reviewer waits for them, and behind a long queue of the
     * lists' URLs (a large import, a recheck of them all) they would wait for all of it.
     */
    String[] openUrlHashes() {
        return taken.values().stream().flatMap(t -> t.urlHashes().stream()).distinct().toArray(String[]::new);
    }

    /** Those of {@code urlHashes} that an open proposal adds or changes (among the URLs taken of it). */
    Set<String> proposed(List<String> urlHashes) {
        if (urlHashes.isEmpty()) {
            return Set.of();
        }
        try {
            return new HashSet<>(jdbc.sql("SELECT DISTINCT md5(o.url) FROM (" + OPEN_URLS + ") o WHERE md5(o.url) = ANY (?)")
                    .param(urlHashes.toArray(String[]::new)).query(String.class).list());
        } catch (DataAccessException e) {
            LOG.warn("open proposals' URLs were not looked up: those only they add, due now, are put off to the next "
                    + "recheck: {}", e.getMostSpecificCause().getMessage());
            return Set.of();
        }
    }
}

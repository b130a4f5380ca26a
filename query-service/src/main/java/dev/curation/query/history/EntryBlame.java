package dev.curation.query.history;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.curation.core.document.DocumentNode;
import dev.curation.query.config.QueryProperties;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For each entry of a version, in document order: the version that created it and the last version
 * up to this one that changed it (moves included), each with whose change it was and the
 * proposal it came through. The entries and their order come from the version's document; who
 * and when from one query over {@code item_change} (two index probes per entry), {@code
 * list_version} and {@code proposal_author}. A version's answer never changes, so it is kept.
 */
@Component
public class EntryBlame {

    /**
     * {@code addedBy}, {@code changedBy}: whose change it was, the proposal's author when it came
     * through a proposal ({@code addedThrough}, {@code changedThrough}), else who made the version.
     */
    public record EntryLine(String entry, long addedIn, @Nullable String addedBy, @Nullable String addedThrough,
                            long changedIn, @Nullable String changedBy, @Nullable String changedThrough) {
    }

    public record Blame(long version, List<EntryLine> items) {
    }

    private record Key(String listId, long version) {
    }

    private final JdbcClient jdbc;
    private final ListHistory history;
    private final ReadGate gate;
    private final Cache<Key, Blame> cache;

    EntryBlame(JdbcClient jdbc, ListHistory history, ReadGate gate, QueryProperties settings) {
        this.jdbc = jdbc;
        this.history = history;
        this.gate = gate;
        // bounded like the line blame: an entry is one line
        this.cache = Caffeine.newBuilder().maximumWeight(settings.blameCacheLines())
                .weigher((Key k, Blame blame) -> 1 + blame.items().size()).build();
    }

    /** The entry blame of a version, or empty if the list has no such version. */
    public Optional<Blame> at(String listId, long version) {
        Key key = new Key(listId, version);
        Blame kept = cache.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        return gate.run(() -> history.documentAt(listId, version).map(document -> {
            String[] entries = document.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY)
                    .map(DocumentNode::id).toArray(String[]::new);
            Blame fresh = new Blame(version, lines(listId, version, entries));
            cache.put(key, fresh);
            return fresh;
        }));
    }

    private List<EntryLine> lines(String listId, long version, String[] entries) {
        // an entry always has a change (its creation); one without would be credited to the first version, as the line blame does
        return jdbc.sql("""
                        SELECT d.id, coalesce(c.added, 1), coalesce(aa.author, av.actor), av.proposal,
                               coalesce(c.changed, 1), coalesce(ca.author, cv.actor), cv.proposal
                        FROM unnest(CAST(:entries AS VARCHAR[])) WITH ORDINALITY AS d(id, position)
                        LEFT JOIN LATERAL (SELECT min(i.version) AS added, max(i.version) AS changed FROM item_change i
                                           WHERE i.list_id = :list AND i.item_id = d.id AND i.version <= :version) c ON true
                        LEFT JOIN list_version av ON av.list_id = :list AND av.version = coalesce(c.added, 1)
                        LEFT JOIN proposal_author aa ON aa.list_id = :list AND aa.proposal = av.proposal
                        LEFT JOIN list_version cv ON cv.list_id = :list AND cv.version = coalesce(c.changed, 1)
                        LEFT JOIN proposal_author ca ON ca.list_id = :list AND ca.proposal = cv.proposal
                        ORDER BY d.position""")
                .param("entries", entries).param("list", listId).param("version", version)
                .query((rs, n) -> new EntryLine(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7)))
                .list();
    }
}

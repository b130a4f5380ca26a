package dev.curation.query.list;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lists the projection stopped projecting, and the records it holds for them. The set of
 * quarantined keys is kept in memory (read once at start) because every batch consults it.
 */
@Repository
class Quarantine {

    /** One quarantined list as operators see it. */
    record Entry(String listKey, Instant since, String error, int retries, int heldRecords) {
    }

    private final JdbcClient jdbc;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    @Autowired
    Quarantine(JdbcClient jdbc) {
        this(jdbc, Set.of());
        reload();
    }

    private Quarantine(JdbcClient jdbc, Set<String> keys) {
        this.jdbc = jdbc;
        this.keys.addAll(keys);
    }

    /** A quarantine that starts empty: a rebuild's, whose tables are new. */
    static Quarantine empty(JdbcClient jdbc) {
        return new Quarantine(jdbc, Set.of());
    }

    /** Reads the quarantined keys again: the tables were swapped by a rebuild. */
    void reload() {
        Set<String> stored = Set.copyOf(jdbc.sql("SELECT list_key FROM quarantined_list").query(String.class).list());
        keys.retainAll(stored);
        keys.addAll(stored);
    }

    /**
     * The key a record is quarantined under: its list id, or for a key that could not be stored
     * as text (absent, too long, control characters) a stable stand-in.
     */
    static String keyOf(ConsumerRecord<String, byte[]> record) {
        String key = record.key();
        if (key == null) {
            return "~unkeyed";
        }
        if (key.length() <= 200 && key.chars().allMatch(c -> c >= 0x20 && c != 0x7F && !Character.isSurrogate((char) c))) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "~key-sha256-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean holds(String key) {
        return keys.contains(key);
    }

    /** Quarantined for a missing event (not a bad one): a retry may succeed once the event arrives. */
    boolean awaitsRepair(String key) {
        return keys.contains(key) && jdbc.sql("SELECT error FROM quarantined_list WHERE list_key = ?").param(key)
                .query(String.class).optional().map(e -> e.contains(ListBatches.SEQUENCE_GAP)).orElse(false);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    Set<String> keys() {
        return Set.copyOf(keys);
    }

    /** Quarantines a list (in the caller's transaction); call {@link #remember} after it commits. */
    void quarantine(String key, String error) {
        jdbc.sql("""
                        INSERT INTO quarantined_list (list_key, quarantined_at, error) VALUES (?, ?, ?)
                        ON CONFLICT (list_key) DO UPDATE SET error = EXCLUDED.error""")
                .params(key, Timestamp.from(Instant.now()), printable(error)).update();
    }

    void remember(String key) {
        keys.add(key);
    }

    /** Keeps a record of a quarantined list; a redelivered record is kept once. */
    void hold(String key, ConsumerRecord<String, byte[]> record) {
        jdbc.sql("""
                        INSERT INTO held_record (topic_partition, record_offset, list_key, record_key, record_value, held_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(record.partition(), record.offset(), key,
                        record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8), record.value(),
                        Timestamp.from(Instant.now()))
                .update();
    }

    /** The held records of a list, in log order, as the consumer delivered them. */
    List<ConsumerRecord<String, byte[]>> held(String key, String topic) {
        return jdbc.sql("""
                        SELECT topic_partition, record_offset, record_key, record_value FROM held_record
                        WHERE list_key = ? ORDER BY topic_partition, record_offset""")
                .param(key)
                .query((rs, n) -> {
                    byte[] recordKey = rs.getBytes(3);
                    return new ConsumerRecord<>(topic, rs.getInt(1), rs.getLong(2),
                            recordKey == null ? null : new String(recordKey, StandardCharsets.UTF_8), rs.getBytes(4));
                })
                .list();
    }

    record Position(int partition, long offset) {
    }

    List<Position> positions(String key) {
        return jdbc.sql("SELECT topic_partition, record_offset FROM held_record WHERE list_key = ? "
                        + "ORDER BY topic_partition, record_offset LIMIT 1000")
                .param(key).query((rs, n) -> new Position(rs.getInt(1), rs.getLong(2))).list();
    }

    /** Drops a held record and remembers its position, so that a rebuild skips it too. */
    void discard(String key, int partition, long offset) {
        int dropped = jdbc.sql("DELETE FROM held_record WHERE list_key = ? AND topic_partition = ? AND record_offset = ?")
                .params(key, partition, offset).update();
        if (dropped > 0) {
            jdbc.sql("""
                            INSERT INTO discarded_record (topic_partition, record_offset, list_key, discarded_at)
                            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(partition, offset, key, Timestamp.from(Instant.now())).update();
        }
    }

    /** Positions operators discarded, as {@code partition:offset}. */
    Set<String> discarded() {
        return Set.copyOf(jdbc.sql("SELECT topic_partition || ':' || record_offset FROM discarded_record")
                .query(String.class).list());
    }

    /** Ends a quarantine (in the caller's transaction); call {@link #forget} after it commits. */
    void release(String key) {
        jdbc.sql("DELETE FROM held_record WHERE list_key = ?").param(key).update();
        jdbc.sql("DELETE FROM quarantined_list WHERE list_key = ?").param(key).update();
    }

    void forget(String key) {
        keys.remove(key);
    }

    void retryFailed(String key, String error) {
        jdbc.sql("UPDATE quarantined_list SET error = ?, retries = retries + 1 WHERE list_key = ?")
                .params(printable(error), key).update();
    }

    List<Entry> entries() {
        return jdbc.sql("""
                        SELECT q.list_key, q.quarantined_at, q.error, q.retries,
                               (SELECT count(*) FROM held_record h WHERE h.list_key = q.list_key)
                        FROM quarantined_list q ORDER BY q.quarantined_at""")
                .query((rs, n) -> new Entry(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getInt(4), rs.getInt(5)))
                .list();
    }

    /** Error texts may quote the bad input: stored without NUL, and short. */
    static String printable(String error) {
        String text = error == null ? "unknown error" : error.replace('\u0000', '\uFFFD');
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}

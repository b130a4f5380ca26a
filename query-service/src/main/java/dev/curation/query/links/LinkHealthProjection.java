package dev.curation.query.links;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects the link-checks topic (a consumer group of its own) into {@code link_check}, every
 * check, and {@code link_state}, each URL's health. When a link becomes dead, or is found moved
 * for good, it queues a proposal per entry that links to it in {@code link_proposal}, in the same
 * transaction: a redelivered batch changes nothing (each check has an id), and nothing queued is
 * lost. A record that cannot be read is logged and skipped: results are not the lists' history.
 */
@Component
class LinkHealthProjection {

    static final String LISTENER = "link-health";
    private static final Logger LOG = LoggerFactory.getLogger(LinkHealthProjection.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionOperations transactions;
    private final LinkHealthProperties properties;

    LinkHealthProjection(JdbcClient jdbc, JsonMapper json, TransactionOperations transactions, LinkHealthProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** The topic of check results and whether to read it, for the listener (public: it reads them by SpEL). */
    public String topic() {
        return properties.topic();
    }

    public boolean enabled() {
        return properties.enabled();
    }

    @KafkaListener(id = LISTENER, groupId = "curation-link-health", topics = "#{__listener.topic()}",
            containerFactory = LinkHealthConfig.LISTENER_FACTORY, autoStartup = "#{__listener.enabled()}", batch = "true")
    void onRecords(List<ConsumerRecord<String, byte[]>> records) {
        List<LinkCheckRecord> checks = records.stream().map(this::read).flatMap(Optional::stream).toList();
        transactions.executeWithoutResult(tx -> checks.forEach(this::apply));
    }

    private Optional<LinkCheckRecord> read(ConsumerRecord<String, byte[]> record) {
        try {
            LinkCheckRecord check = json.readValue(record.value(), LinkCheckRecord.class);
            if (check.id() == null || check.url() == null || check.urlHash() == null || check.checkedAt() == null
                    || check.outcome() == null) {
                throw new IllegalArgumentException("a check needs id, url, urlHash, checkedAt and outcome");
            }
            return Optional.of(check);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("skipped the unreadable link check at offset {} of partition {}: {}", record.offset(), record.partition(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    void apply(LinkCheckRecord check) {
        jdbc.sql("INSERT INTO link_state (url_hash, url) VALUES (?, ?) ON CONFLICT (url_hash) DO NOTHING")
                .params(check.urlHash(), check.url()).update();
        LinkState before = jdbc.sql("""
                        SELECT status, failures, first_failure_at, dead_since, archived_url, moved, final_url
                        FROM link_state WHERE url_hash = ? FOR UPDATE""")
                .param(check.urlHash())
                .query((rs, n) -> new LinkState(LinkState.Status.ofWire(rs.getString(1)), rs.getInt(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getString(5), rs.getBoolean(6), rs.getString(7)))
                .single();
        // asked under the URL's lock: a consumer that still holds the partition after a rebalance, applying
        // the same check at the same time, waits for the lock and then sees it applied
        boolean seen = jdbc.sql("SELECT 1 FROM link_check WHERE id = ?").param(check.id()).query(Integer.class).optional().isPresent();
        if (seen) {
            return;
        }
        LinkState after = before.after(check, properties.deadAfterFailures(), properties.deadAfter());
        jdbc.sql("""
                        INSERT INTO link_check (id, url_hash, url, checked_at, outcome, status_after, http_status, final_url,
                                                redirects, attempts, elapsed_ms, error, archived_url)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(check.id(), check.urlHash(), check.url(), Timestamp.from(check.checkedAt()), check.outcome().name().toLowerCase(Locale.ROOT),
                        after.status().wire(), check.status(), check.finalUrl(), json.writeValueAsString(check.redirects()),
                        check.attempts(), check.elapsedMillis(), check.error(), check.archivedUrl())
                .update();
        jdbc.sql("""
                        UPDATE link_state SET status = ?, http_status = ?, final_url = ?, moved = ?, failures = ?,
                               first_failure_at = ?, dead_since = ?, archived_url = ?, error = ?, checks = checks + 1,
                               checked_at = ?, next_check_at = ?, claimed_until = NULL,
                               changed_at = CASE WHEN status = ? THEN changed_at ELSE ? END
                        WHERE url_hash = ?""")
                .params(after.status().wire(), check.status(), after.finalUrl(), after.moved(), after.failures(),
                        timestamp(after.firstFailureAt()), timestamp(after.deadSince()), after.archivedUrl(), check.error(),
                        Timestamp.from(check.checkedAt()),
                        Timestamp.from(after.nextCheck(check.checkedAt(), properties.recheckAfter(), properties.retryAfter())),
                        after.status().wire(), Timestamp.from(check.checkedAt()), check.urlHash())
                .update();
        if (after.status() != before.status()) {
            // the entries that link here carry the new state in their list's structure
            jdbc.sql("DELETE FROM entry_link_health WHERE url_hash = ?").param(check.urlHash()).update();
            if (after.status() == LinkState.Status.FAILING || after.status() == LinkState.Status.DEAD
                    || after.status() == LinkState.Status.REDIRECTED) {
                jdbc.sql("""
                                INSERT INTO entry_link_health (list_id, entry_id, url_hash, status)
                                SELECT list_id, id, ?, ? FROM entry_view WHERE md5(url) = ? AND url = ?
                                ON CONFLICT (list_id, entry_id) DO UPDATE SET url_hash = EXCLUDED.url_hash, status = EXCLUDED.status""")
                        .params(check.urlHash(), after.status().wire(), check.urlHash(), check.url()).update();
            }
        }
        if (after.status() == LinkState.Status.DEAD && before.status() != LinkState.Status.DEAD && after.deadSince() != null) {
            queue(check, after.archivedUrl() == null ? "remove" : "replace", after.archivedUrl(), after.deadSince());
        } else if (properties.proposeMoves() && after.status() == LinkState.Status.REDIRECTED && after.moved()
                && !(before.status() == LinkState.Status.REDIRECTED && before.moved()) && after.finalUrl() != null) {
            queue(check, "update", after.finalUrl(), check.checkedAt());
        }
    }

    /** One proposal per entry that links to the URL now. */
    private void queue(LinkCheckRecord check, String kind, @Nullable String newUrl, Instant episode) {
        int queued = jdbc.sql("""
                        INSERT INTO link_proposal (list_id, entry_id, url, kind, new_url, episode)
                        SELECT list_id, id, url, ?, ?, ? FROM entry_view WHERE md5(url) = ? AND url = ?
                        ON CONFLICT (list_id, entry_id, kind, episode) DO NOTHING""")
                .params(kind, newUrl, Timestamp.from(episode), check.urlHash(), check.url())
                .update();
        LOG.info("{} is {}: {} fix(es) to propose ({})", check.url(), kind.equals("update") ? "moved to " + newUrl : "dead",
                queued, kind);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

package dev.curation.query.links;

import dev.curation.links.ArchiveLookup;
import dev.curation.links.LinkCheck;
import dev.curation.links.LinkProbe;
import dev.curation.links.NetworkWatch;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the lists' links. Every poll it takes the http(s) URLs of the lists whose version moved
 * since the last poll into {@code link_state} (so a new or changed URL is checked within a poll),
 * and those open proposals add or change ({@link ProposalUrls}), then claims the URLs that are due (open proposals'
 * first, in at most half of the poll's slots), with {@code FOR UPDATE SKIP LOCKED} so that replicas share
 * the work, checks them on virtual threads ({@code concurrency} at a time, per-host limits in the
 * probe) and publishes each result to the link-checks topic for {@link LinkHealthProjection}. A
 * claim that is never answered (a crash, the broker away) runs out and the URL is checked again.
 */
@Component
class LinkChecker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LinkChecker.class);

    private final JdbcClient jdbc;
    private final ProposalUrls proposalUrls;
    private final TransactionOperations transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final LinkHealthProperties properties;
    private final LinkProbe probe;
    private final @Nullable ArchiveLookup archive;
    private final MeterRegistry meters;
    private final Semaphore slots;
    private final NetworkWatch network = NetworkWatch.defaults();
    private volatile long lastOutageWarning;
    private final AtomicInteger inFlight = new AtomicInteger();
    private @Nullable ScheduledExecutorService timer;
    private @Nullable ExecutorService checks;

    LinkChecker(JdbcClient jdbc, ProposalUrls proposalUrls, TransactionOperations transactions,
                KafkaTemplate<String, byte[]> kafka, JsonMapper json, LinkHealthProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.proposalUrls = proposalUrls;
        this.transactions = transactions;
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
        this.probe = new LinkProbe(properties.checkSettings());
        this.archive = properties.archive().enabled()
                ? new ArchiveLookup(properties.archive().baseUrl(), properties.archive().timeout(), properties.userAgent()) : null;
        this.meters = meters;
        this.slots = new Semaphore(properties.concurrency());
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || timer != null) {
            return;
        }
        checks = Executors.newVirtualThreadPerTaskExecutor();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("link-checker").daemon().factory());
        timer.scheduleWithFixedDelay(this::poll, properties.pollInterval().toMillis(), properties.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("checking links every {} (at most {} at a time, {} per host, private addresses {})", properties.pollInterval(),
                properties.concurrency(), properties.hostConcurrency(), properties.allowPrivate() ? "allowed" : "refused");
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        if (checks != null) {
            checks.shutdownNow();
            checks = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    void poll() {
        try {
            sync();
            proposalUrls.take();
            claimAndCheck();
        } catch (DataAccessException e) {
            LOG.warn("link checks wait for the database: {}", e.getMostSpecificCause().getMessage());
        } catch (RuntimeException e) {
            LOG.error("link check poll failed; trying again at the next", e);
        }
    }

    /**
     * Takes the URLs of lists whose version moved into link_state, and renews those lists' rows in
     * entry_link_health. The versions are read first: if a list moves on meanwhile, the newer
     * entries are taken and the older version recorded, so the next poll takes it again.
     */
    int sync() {
        Integer synced = transactions.execute(tx -> {
            List<Object[]> changed = jdbc.sql("""
                            SELECT l.id, l.version FROM list_view l LEFT JOIN link_sync s ON s.list_id = l.id
                            WHERE s.version IS NULL OR s.version < l.version LIMIT 100""")
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)}).list();
            if (changed.isEmpty()) {
                return 0;
            }
            String[] ids = changed.stream().map(c -> (String) c[0]).toArray(String[]::new);
            jdbc.sql("""
                            INSERT INTO link_state (url_hash, url)
                            SELECT DISTINCT md5(url), url FROM entry_view WHERE list_id = ANY (?) AND url ~* '^https?://'
                            ON CONFLICT (url_hash) DO NOTHING""")
                    .param(ids).update();
            jdbc.sql("DELETE FROM entry_link_health WHERE list_id = ANY (?)").param(ids).update();
            jdbc.sql("""
                            INSERT INTO entry_link_health (list_id, entry_id, url_hash, status)
                            SELECT e.list_id, e.id, s.url_hash, s.status FROM entry_view e
                            JOIN link_state s ON s.url_hash = md5(e.url) AND s.url = e.url
                            WHERE e.list_id = ANY (?) AND s.status IN ('failing', 'dead', 'redirected')""")
                    .param(ids).update();
            for (Object[] list : changed) {
                jdbc.sql("""
                                INSERT INTO link_sync (list_id, version) VALUES (?, ?)
                                ON CONFLICT (list_id) DO UPDATE SET version = GREATEST(link_sync.version, EXCLUDED.version)""")
                        .params(list[0], list[1]).update();
            }
            return changed.size();
        });
        return synced == null ? 0 : synced;
    }

    private record Due(String urlHash, String url, LinkState state, boolean linked) {
    }

    private void claimAndCheck() {
        int free = properties.concurrency() * 2 - inFlight.get();
        if (free <= 0) {
            return;
        }
        // the due URLs of open proposals first, in at most half of the free slots: a reviewer waits for
        // them, and in the order of next_check_at alone they would wait behind the whole queue of the lists'
        // URLs (a large import, a recheck of them all); the lists keep the other half, and any unused
        List<Due> due = new ArrayList<>();
        String[] proposalUrlHashes = proposalUrls.openUrlHashes();
        if (proposalUrlHashes.length > 0) {
            due.addAll(claim(proposalUrlHashes, Math.max(1, free / 2)));
        }
        if (due.size() < free) {
            due.addAll(claim(null, free - due.size()));
        }
        // a URL no entry links to is still checked while an open proposal adds it
        Set<String> proposed = proposalUrls.proposed(due.stream().filter(d -> !d.linked()).map(Due::urlHash).toList());
        List<String> unlinked = due.stream().filter(d -> !d.linked() && !proposed.contains(d.urlHash()))
                .map(Due::urlHash).toList();
        if (!unlinked.isEmpty()) {
            // no entry (or open proposal) links there any more: checked again (and kept) only if one does later
            jdbc.sql("UPDATE link_state SET claimed_until = NULL, next_check_at = now() + make_interval(secs => ?) "
                            + "WHERE url_hash = ANY (?)")
                    .params(properties.recheckAfter().toSeconds(), unlinked.toArray(String[]::new)).update();
        }
        ExecutorService pool = checks;
        for (Due d : due) {
            if ((d.linked() || proposed.contains(d.urlHash())) && pool != null) {
                inFlight.incrementAndGet();
                pool.submit(() -> check(d));
            }
        }
    }

    /** Claims at most {@code limit} due URLs (only those of {@code only}'s hashes if given), the longest due first. */
    private List<Due> claim(String @Nullable [] only, int limit) {
        List<Object> all = new ArrayList<>();
        if (only != null) {
            all.add(only);
        }
        all.add(limit);
        all.add(properties.claim().toSeconds());
        String filter = only == null ? "" : " AND url_hash = ANY (?)";
        return jdbc.sql("""
                        WITH due AS (
                            SELECT url_hash FROM link_state
                            WHERE next_check_at <= now() AND (claimed_until IS NULL OR claimed_until < now())%s
                            ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        UPDATE link_state s SET claimed_until = now() + make_interval(secs => ?)
                        FROM due WHERE s.url_hash = due.url_hash
                        RETURNING s.url_hash, s.url, s.status, s.failures, s.first_failure_at, s.dead_since,
                                  EXISTS (SELECT 1 FROM entry_view e WHERE md5(e.url) = s.url_hash) AS linked""".formatted(filter))
                .params(all)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), new LinkState(LinkState.Status.ofWire(rs.getString(3)),
                        rs.getInt(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), null, false, null), rs.getBoolean(7)))
                .list();
    }

    private void check(Due due) {
        try {
            slots.acquire();
            try {
                LinkCheck check = probe.check(due.url());
                Instant now = Instant.now();
                network.record(check);
                if (check.outcome() == LinkCheck.Outcome.FAILED && check.status() == null && network.looksDown()) {
                    // nearly every host stopped answering at once: this side's network, not the links;
                    // not recorded, so no link counts a failure (and none is declared dead) for it
                    outageWarning();
                    jdbc.sql("UPDATE link_state SET claimed_until = NULL, next_check_at = now() + make_interval(secs => ?) "
                                    + "WHERE url_hash = ?")
                            .params(properties.retryAfter().toSeconds(), due.urlHash()).update();
                    meters.counter("curation.links.checks", "outcome", "network-down").increment();
                    return;
                }
                if (unchanged(due.state(), check)) {
                    // still excluded or refused, decided without a request: nothing new for the timeline
                    jdbc.sql("UPDATE link_state SET claimed_until = NULL, next_check_at = now() + make_interval(secs => ?) "
                                    + "WHERE url_hash = ?")
                            .params(properties.recheckAfter().toSeconds(), due.urlHash()).update();
                    return;
                }
                String archived = null;
                if (check.outcome() == LinkCheck.Outcome.FAILED && archive != null
                        && due.state().nextFailureMayKill(now, properties.deadAfterFailures(), properties.deadAfter())) {
                    archived = archive.closest(due.url()).orElse(null);
                }
                LinkCheckRecord record = LinkCheckRecord.of(check, due.urlHash(), now, archived);
                meters.counter("curation.links.checks", "outcome", check.outcome().name().toLowerCase(Locale.ROOT)).increment();
                kafka.send(properties.topic(), due.urlHash(), json.writeValueAsBytes(record)).whenComplete((sent, failure) -> {
                    if (failure != null) {
                        LOG.warn("the check of {} was not published (checked again when its claim runs out): {}", due.url(),
                                failure.getMessage());
                    }
                });
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("checking {} failed: {}", due.url(), e.toString());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void outageWarning() {
        long now = System.nanoTime();
        if (now - lastOutageWarning > TimeUnit.MINUTES.toNanos(1)) {
            lastOutageWarning = now;
            LOG.warn("nearly every recent link check got no answer, from many hosts: this machine's network looks down;"
                    + " such failures are not recorded until answers come back");
        }
    }

    private static boolean unchanged(LinkState state, LinkCheck check) {
        return (check.outcome() == LinkCheck.Outcome.EXCLUDED && state.status() == LinkState.Status.EXCLUDED)
                || (check.outcome() == LinkCheck.Outcome.REFUSED && state.status() == LinkState.Status.REFUSED);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

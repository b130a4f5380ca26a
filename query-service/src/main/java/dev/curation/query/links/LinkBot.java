package dev.curation.query.links;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proposes the fixes queued in {@code link_proposal} through the command service's public API, as
 * the bot account: a normal proposal a curator approves or rejects like any other. Each row is
 * leased before it is sent and sent with an {@code Idempotency-Key} naming it, so a crash between
 * sending and recording makes a retry, never a second proposal. A fix whose entry no longer links
 * there, or whose link came back, is not sent ({@code obsolete}); a 4xx answer is kept with the
 * row ({@code refused}); anything else is tried again later.
 */
@Component
class LinkBot implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LinkBot.class);
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LinkHealthProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BotSignIn signIn;
    private @Nullable ScheduledExecutorService timer;

    LinkBot(JdbcClient jdbc, JsonMapper json, LinkHealthProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.signIn = new BotSignIn(properties.bot(), http, json, Clock.systemUTC());
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || timer != null) {
            return;
        }
        if (!properties.bot().configured()) {
            LOG.info("no password for the link bot (curation.links.bot.password): fixes for dead links are queued, not proposed");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("link-bot").daemon().factory());
        timer.scheduleWithFixedDelay(this::poll, properties.pollInterval().toMillis(), properties.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    record Fix(long id, String listId, String slug, String entry, String url, String kind, @Nullable String newUrl,
               int attempts, boolean current) {
    }

    void poll() {
        try {
            for (Fix fix : lease()) {
                if (!fix.current()) {
                    record(fix.id(), "obsolete", null, "the entry no longer links to " + fix.url() + ", or the link is back");
                } else {
                    send(fix);
                }
            }
        } catch (DataAccessException e) {
            LOG.warn("the link bot waits for the database: {}", e.getMostSpecificCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("link bot poll failed; trying again at the next", e);
        }
    }

    private List<Fix> lease() {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT id FROM link_proposal WHERE state = 'pending' AND next_attempt_at <= now()
                            ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)
                        UPDATE link_proposal p SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ?)
                        FROM due WHERE p.id = due.id
                        RETURNING p.id, p.list_id, (SELECT slug FROM list_view l WHERE l.id = p.list_id), p.entry_id, p.url,
                                  p.kind, p.new_url, p.attempts,
                                  EXISTS (SELECT 1 FROM entry_view e WHERE e.list_id = p.list_id AND e.id = p.entry_id AND e.url = p.url)
                                  AND (p.kind = 'update' OR EXISTS (SELECT 1 FROM link_state s
                                                                   WHERE s.url_hash = md5(p.url) AND s.status = 'dead'))""")
                .param(LEASE.toSeconds())
                .query((rs, n) -> new Fix(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBoolean(9) && rs.getString(3) != null))
                .list();
    }

    private void send(Fix fix) throws InterruptedException {
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("op", fix.kind().equals("remove") ? "removeLink" : "editLink");
        edit.put("entry", fix.entry());
        if (fix.newUrl() != null && !fix.kind().equals("remove")) {
            edit.put("url", fix.newUrl());
        }
        String rationale = switch (fix.kind()) {
            case "replace" -> "The link " + fix.url() + " is dead; the Wayback Machine has a copy: " + fix.newUrl();
            case "remove" -> "The link " + fix.url() + " is dead and no archived copy was found.";
            default -> "The page " + fix.url() + " moved for good (permanent redirect) to " + fix.newUrl();
        };
        byte[] body = json.writeValueAsBytes(Map.of("rationale", rationale, "edits", List.of(edit)));
        try {
            // inside the try: failing to get a token is a failure to reach the service, tried again later
            HttpRequest request = HttpRequest.newBuilder(properties.bot().commandUrl().resolve("/api/lists/" + fix.slug() + "/proposals"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", signIn.authorization())
                    .header("Idempotency-Key", "link-bot-" + fix.id())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            JsonNode answer = readable(response.body());
            if (status == 201) {
                String id = answer.path("id").asString("");
                record(fix.id(), "proposed", id, null);
                LOG.info("proposed {} of entry {} in {} ({}): proposal {}", fix.kind(), fix.entry(), fix.slug(), fix.url(), id);
            } else if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429) {
                String why = answer.path("detail").asString(answer.path("title").asString("status " + status));
                record(fix.id(), "refused", null, status + ": " + why);
                LOG.info("the command service refused the fix of entry {} in {}: {} {}", fix.entry(), fix.slug(), status, why);
            } else {
                if (status == 401) {
                    signIn.forget();
                }
                retryLater(fix, "status " + status);
            }
        } catch (IOException e) {
            retryLater(fix, e.toString());
        }
    }

    private JsonNode readable(byte[] body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return json.missingNode();
        }
    }

    private void retryLater(Fix fix, String why) {
        long seconds = Math.min(3600, 5L << Math.min(fix.attempts(), 10));
        jdbc.sql("UPDATE link_proposal SET next_attempt_at = now() + make_interval(secs => ?), message = ? WHERE id = ?")
                .params(seconds, why, fix.id()).update();
        LOG.warn("could not propose the fix of entry {} in {} ({}); trying again in {} s", fix.entry(), fix.slug(), why, seconds);
    }

    private void record(long id, String state, @Nullable String proposal, @Nullable String message) {
        jdbc.sql("UPDATE link_proposal SET state = ?, proposal_id = ?, message = ? WHERE id = ?")
                .params(state, proposal, message, id).update();
    }
}

package dev.curation.command.webhook;

import dev.curation.command.list.TraceMetadata;
import dev.curation.links.AddressGuard;
import dev.curation.links.Deadline;
import dev.curation.links.OutboundHttp;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends deliveries, the oldest pending one of each active subscription at a time, so a receiver
 * sees a list's changes in order and a dead receiver holds up no other. A subscription is leased
 * while its delivery is sent (replicas share the work). 2xx is delivered; anything else is tried
 * again after a pause that doubles; {@code disableAfter} failures in a row disable it. A delivery
 * has one deadline, {@code timeout}, for all of it (the name, the connection, the answer and at
 * most {@link OutboundHttp#ANSWER_LIMIT} bytes of its body), well inside the lease: a receiver
 * that answers slowly or never ends its body costs a failed attempt, and holds at most one
 * sending thread, never one more per lease.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookSender implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final JdbcClient jdbc;
    private final WebhookProperties properties;
    private final AddressGuard guard;
    private final OutboundHttp http;
    private final DeliveryHeaders deliveryHeaders;
    private final Tracer tracer;
    private final Propagator propagator;
    /** Subscriptions being sent to by this replica: one sending thread per receiver, whatever the lease says. */
    private final Set<String> sending = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;
    private ExecutorService sends;

    WebhookSender(JdbcClient jdbc, WebhookProperties properties, JsonMapper json, Tracer tracer, Propagator propagator) {
        this.jdbc = jdbc;
        this.deliveryHeaders = new DeliveryHeaders(json);
        this.tracer = tracer;
        this.propagator = propagator;
        this.properties = properties;
        this.guard = new AddressGuard(properties.allowPrivate());
        this.http = new OutboundHttp(properties.timeout());
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled() || timer != null) {
            return;
        }
        sends = Executors.newVirtualThreadPerTaskExecutor();
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-sender").daemon().factory());
        timer.scheduleWithFixedDelay(this::poll, properties.poll().toMillis(), properties.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            sends.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /**
     * A delivery to send; {@code eventId} is null for one written before deliveries were CloudEvents,
     * {@code traceparent} for one written before they were traced.
     */
    record Due(String webhook, String url, String secret, long sequence, byte[] body, int attempts, int failures,
               @Nullable String eventId, @Nullable String traceparent) {
    }

    void poll() {
        try {
            for (Due due : lease()) {
                if (!sending.add(due.webhook())) {
                    continue; // still sending to it: its deadline ends that soon, and the lease runs out
                }
                sends.submit(() -> {
                    try {
                        send(due);
                    } finally {
                        sending.remove(due.webhook());
                    }
                });
            }
        } catch (DataAccessException e) {
            LOG.warn("webhook deliveries wait for the database: {}", e.getMostSpecificCause().getMessage());
        } catch (RuntimeException e) {
            LOG.error("webhook poll failed; trying again at the next", e);
        }
    }

    /**
     * The oldest pending delivery of each active, unleased subscription whose pause is over; leased
     * for the timeout (the deadline of a whole delivery) and a margin for recording it.
     */
    private List<Due> lease() {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT w.id FROM webhook w
                            WHERE w.state = 'active' AND (w.leased_until IS NULL OR w.leased_until < now())
                              -- due: its oldest pending delivery's pause is over (only that one is ever sent)
                              AND (SELECT d.next_attempt_at FROM webhook_delivery d WHERE d.webhook_id = w.id AND d.state = 'pending'
                                   ORDER BY d.sequence LIMIT 1) <= now()
                            LIMIT 50 FOR UPDATE SKIP LOCKED),
                        leased AS (
                            UPDATE webhook w SET leased_until = now() + make_interval(secs => ?) FROM due WHERE w.id = due.id
                            RETURNING w.id, w.url, w.failures)
                        SELECT l.id, l.url, s.secret, d.sequence, d.body, d.attempts, l.failures, d.event_id, d.traceparent
                        FROM leased l JOIN webhook_secret s ON s.id = l.id
                        JOIN LATERAL (SELECT sequence, body, attempts, next_attempt_at, event_id, traceparent FROM webhook_delivery d
                                      WHERE d.webhook_id = l.id AND d.state = 'pending' ORDER BY sequence LIMIT 1) d ON true""")
                .param(properties.timeout().toSeconds() + 30)
                .query((rs, n) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBytes(5),
                        rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    /** A span per attempt, in the trace of the edit that caused the delivery; the receiver gets its traceparent. */
    private void send(Due due) {
        Span span = TraceMetadata.childOf(propagator, due.traceparent())
                .name("webhook POST").kind(Span.Kind.CLIENT)
                .tag("curation.webhook", due.webhook()).tag("curation.delivery", due.sequence()).start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        try {
            attempt(due, span);
        } finally {
            scope.close();
            span.end();
        }
    }

    private void attempt(Due due, Span span) {
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        Deadline deadline = Deadline.in(properties.timeout());
        try {
            URI target = URI.create(due.url());
            String host = target.getHost();
            if (host == null) {
                throw new IllegalArgumentException(due.url() + " has no host");
            }
            // resolved and checked once; the delivery goes to this address (no second lookup to rebind)
            InetAddress address = guard.address(host, deadline);
            Map<String, String> headers = deliveryHeaders.of(due, Instant.now().getEpochSecond());
            status = http.exchange(new OutboundHttp.Call("POST", target, address, traced(headers, span), due.body()), deadline)
                    .status();
            span.tag("http.response.status_code", status);
            if (status < 200 || status >= 300) {
                error = "status " + status;
            }
        } catch (AddressGuard.Refused e) {
            error = e.reason();
        } catch (Deadline.Passed e) {
            error = e.getMessage() + " (the deadline of a whole delivery: connect, answer and body, curation.webhooks.timeout)";
        } catch (IOException | IllegalArgumentException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (error != null) {
            span.tag("error", error);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        try {
            record(due, status, error, millis);
        } catch (DataAccessException e) {
            // the lease runs out and the delivery is sent again: receivers dedupe by webhook-id
            LOG.warn("the outcome of webhook delivery {}/{} was not recorded: {}", due.webhook(), due.sequence(), e.getMessage());
        }
    }

    /** The delivery's headers and the attempt's {@code traceparent}. */
    private Map<String, String> traced(Map<String, String> headers, Span span) {
        Map<String, String> traced = new HashMap<>(headers);
        propagator.inject(span.context(), traced, (carrier, key, value) -> {
            if (carrier != null) {
                carrier.put(key, value);
            }
        });
        return Map.copyOf(traced);
    }

    private void record(Due due, Integer status, String error, long millis) {
        if (error == null) {
            jdbc.sql("""
                            UPDATE webhook_delivery SET state = 'delivered', attempts = attempts + 1, last_status = ?, last_millis = ?,
                                   last_error = NULL, delivered_at = now() WHERE webhook_id = ? AND sequence = ?""")
                    .params(status, millis, due.webhook(), due.sequence()).update();
            jdbc.sql("UPDATE webhook SET failures = 0, leased_until = NULL WHERE id = ?").param(due.webhook()).update();
            return;
        }
        Duration pause = properties.backoff().multipliedBy(1L << Math.min(due.attempts(), 20));
        if (pause.compareTo(properties.maxBackoff()) > 0) {
            pause = properties.maxBackoff();
        }
        jdbc.sql("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?, last_millis = ?, last_error = ?,
                               next_attempt_at = now() + make_interval(secs => ?) WHERE webhook_id = ? AND sequence = ?""")
                .params(status, millis, error, pause.toMillis() / 1000.0, due.webhook(), due.sequence()).update();
        int failures = due.failures() + 1;
        jdbc.sql("UPDATE webhook SET failures = ?, leased_until = NULL, state = CASE WHEN ? >= ? THEN 'disabled' ELSE state END "
                        + "WHERE id = ?")
                .params(failures, failures, properties.disableAfter(), due.webhook()).update();
        if (failures >= properties.disableAfter()) {
            LOG.warn("webhook {} disabled after {} failures in a row (last: {}); a curator turns it on again", due.webhook(),
                    failures, error);
        }
    }
}

package dev.curation.command.webhook.web;

import dev.curation.command.list.ListCommandBatcher.Commit;
import dev.curation.command.list.web.ListCommands;
import dev.curation.command.web.NotFoundException;
import dev.curation.command.web.ReplayedAnswer;
import dev.curation.command.webhook.WebhookProperties;
import dev.curation.command.webhook.WebhookSignature;
import dev.curation.core.input.InputException;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListCommand.SubscribeWebhook;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.Webhooks;
import dev.curation.links.AddressGuard;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions of a list and their delivery log, managed by the list's curators and owners
 * (docs/adr/0019-webhooks.md): every path asks the list itself ({@link ListCommand.CheckRole}), so an
 * owner who makes a global curator only a contributor of the list shuts them out of its webhooks too.
 */
@RestController
class WebhookController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ListCommands commands;
    private final JdbcClient jdbc;
    private final AddressGuard guard;

    private final TransactionTemplate transactions;

    WebhookController(ListCommands commands, JdbcClient jdbc, WebhookProperties properties,
                      PlatformTransactionManager transactions) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.guard = new AddressGuard(properties.allowPrivate());
        this.transactions = new TransactionTemplate(transactions);
    }

    /** {@code kinds}: version, proposal, settings (all when absent). */
    record SubscribeRequest(String url, List<String> kinds) {
    }

    /**
     * The secret ({@code whsec_...}, Standard Webhooks' form) is shown once, here: deliveries are
     * signed with it ({@code webhook-signature}, and the deprecated Curation-Signature). A request
     * replayed with its Idempotency-Key gets this answer without the secret (null): answers are
     * kept for a day, secrets are not.
     */
    record Subscribed(String id, String url, List<String> kinds, @Nullable String secret) {
    }

    @Operation(summary = "Subscribe a URL to the list's changes (curators); the answer holds the signing secret, shown once")
    @PostMapping(path = "/api/lists/{slug}/webhooks", consumes = "application/json")
    ResponseEntity<Subscribed> subscribe(@PathVariable String slug, @RequestBody SubscribeRequest request, Authentication user,
                                         HttpServletRequest http) {
        String listId = commands.listId(slug);
        String url = request == null ? null : request.url();
        refuseInternal(url);
        String id = "w" + HexFormat.of().formatHex(bytes(8));
        String secret = WebhookSignature.newSecret(bytes(32));
        SubscribeWebhook command = new SubscribeWebhook(listId, id, url, request == null ? null : request.kinds(),
                WebhookSignature.fingerprint(secret));
        // the secret and the whole URL (the event carries only its origin) commit with the event or not at all:
        // a refused subscription leaves no row behind (in a keyed request's transaction, this one joins it)
        Webhooks.Subscription accepted = Objects.requireNonNull(transactions.execute(tx -> {
            Webhooks.Subscription subscription = commands.send(command, user, Commit.IN_CALLERS_TRANSACTION);
            jdbc.sql("INSERT INTO webhook_secret (id, secret, url) VALUES (?, ?, ?)").params(id, secret, subscription.url())
                    .update();
            return subscription;
        }));
        ReplayedAnswer.store(http, new Subscribed(id, accepted.url(), accepted.kinds(), null));
        return ResponseEntity.created(URI.create("/api/lists/" + slug + "/webhooks/" + id))
                .body(new Subscribed(id, accepted.url(), accepted.kinds(), secret));
    }

    /**
     * Refuses a receiver on a private, loopback or link-local address before anything is stored
     * (unless {@code curation.webhooks.allow-private}); what else a URL must be, the list decides.
     */
    private void refuseInternal(@Nullable String url) {
        String host;
        try {
            host = url == null ? null : new URI(url.strip()).getHost();
        } catch (URISyntaxException e) {
            return; // the list names what is wrong with it
        }
        if (host == null) {
            return;
        }
        try {
            guard.whyRefused(host).ifPresent(why -> {
                throw new InputException.Invalid("url", why + " (curation.webhooks.allow-private)");
            });
        } catch (UnknownHostException e) {
            throw new InputException.Invalid("url", "the host " + host + " does not resolve");
        }
    }

    record WebhookView(String id, String url, List<String> kinds, String state, int failures, Instant createdAt) {
    }

    @Operation(summary = "The list's webhooks (curators): state active, or disabled after repeated failures")
    @GetMapping("/api/lists/{slug}/webhooks")
    List<WebhookView> all(@PathVariable String slug, Authentication user, HttpServletRequest http) {
        String listId = curatorOf(slug, user, http);
        return jdbc.sql("SELECT id, url, kinds, state, failures, created_at FROM webhook WHERE list_id = ? AND state <> 'removed' "
                        + "ORDER BY created_at, id")
                .param(listId)
                .query((rs, n) -> new WebhookView(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split(",")),
                        rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    @Operation(summary = "Remove a webhook (curators)")
    @DeleteMapping("/api/lists/{slug}/webhooks/{id}")
    ResponseEntity<Void> remove(@PathVariable String slug, @PathVariable String id, Authentication user,
                                HttpServletRequest http) {
        commands.send(new ListCommand.RemoveWebhook(commands.listId(slug), id), user, http);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Turn a webhook disabled after repeated failures on again (curators): what it missed is delivered")
    @PostMapping("/api/lists/{slug}/webhooks/{id}/enable")
    ResponseEntity<Void> enable(@PathVariable String slug, @PathVariable String id, Authentication user,
                                HttpServletRequest http) {
        commands.send(new ListCommand.ReEnableWebhook(commands.listId(slug), id), user, http);
        return ResponseEntity.noContent().build();
    }

    /** A delivery: the list's event sequence it is for, its state, attempts, and the last answer. */
    record DeliveryView(long sequence, String kind, String state, int attempts, Integer lastStatus, Long lastMillis,
                        String lastError, Instant nextAttemptAt, Instant deliveredAt) {
    }

    @Operation(summary = "A webhook's deliveries, newest first (curators)")
    @GetMapping("/api/lists/{slug}/webhooks/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable String slug, @PathVariable String id, Authentication user,
                                  HttpServletRequest http) {
        requireWebhook(curatorOf(slug, user, http), id);
        return jdbc.sql("""
                        SELECT sequence, kind, state, attempts, last_status, last_millis, last_error, next_attempt_at, delivered_at
                        FROM webhook_delivery WHERE webhook_id = ? ORDER BY sequence DESC LIMIT 200""")
                .param(id)
                .query((rs, n) -> new DeliveryView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        (Integer) rs.getObject(5), (Long) rs.getObject(6), rs.getString(7), instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9))))
                .list();
    }

    @Operation(summary = "Deliver one change again (curators)")
    @PostMapping("/api/lists/{slug}/webhooks/{id}/deliveries/{sequence}/redeliver")
    ResponseEntity<Void> redeliver(@PathVariable String slug, @PathVariable String id, @PathVariable long sequence,
                                   Authentication user, HttpServletRequest http) {
        requireWebhook(curatorOf(slug, user, http), id);
        int updated = jdbc.sql("UPDATE webhook_delivery SET state = 'pending', next_attempt_at = now() WHERE webhook_id = ? AND sequence = ?")
                .params(id, sequence).update();
        if (updated == 0) {
            throw new NotFoundException("webhook " + id + " has no delivery " + sequence);
        }
        return ResponseEntity.accepted().build();
    }

    private void requireWebhook(String listId, String id) {
        if (jdbc.sql("SELECT 1 FROM webhook WHERE id = ? AND list_id = ? AND state <> 'removed'").params(id, listId)
                .query(Integer.class).optional().isEmpty()) {
            throw new NotFoundException("no webhook " + id + " on this list");
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The list's id, once the list says {@code user} curates (or owns) it. */
    private String curatorOf(String slug, Authentication user, HttpServletRequest http) {
        String listId = commands.listId(slug);
        commands.send(new ListCommand.CheckRole(listId, ListRole.CURATOR, "manage the list's webhooks"), user, http);
        return listId;
    }
}

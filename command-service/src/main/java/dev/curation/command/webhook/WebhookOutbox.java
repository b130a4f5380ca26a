package dev.curation.command.webhook;

import dev.curation.command.list.EventMetadata;
import dev.curation.command.list.TraceMetadata;
import dev.curation.core.decider.ListHistory;
import dev.curation.core.document.DocumentDiff;
import dev.curation.core.document.ListDocument;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListEvents;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.WebhookReEnabled;
import dev.curation.core.list.WebhookRemoved;
import dev.curation.core.list.WebhookSubscribed;
import dev.curation.service.EditShapes;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the event store in order (a tracking processor of its own, whose token commits with the
 * rows it writes) and keeps the subscriptions and their deliveries: one delivery per change and
 * matching subscription, a change being a complete version (with each item's before and after)
 * or an event that makes no version. A redelivered event writes nothing twice.
 */
@Component
@ProcessingGroup(WebhookOutbox.PROCESSOR)
class WebhookOutbox {

    static final String PROCESSOR = "webhook-outbox";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ListHistory versions;

    WebhookOutbox(JdbcClient jdbc, JsonMapper json, ListHistory versions) {
        this.jdbc = jdbc;
        // bodies show each edit in its op's own shape, as the query service serves proposals
        this.json = json.rebuild().addModule(EditShapes.module()).build();
        this.versions = versions;
    }

    @EventHandler
    void on(ListEvent event, EventMessage<?> message) {
        switch (event) {
            case WebhookSubscribed s -> {
                // the whole URL was stored beside the secret with this event; the event has only its origin.
                // A subscription whose secret is not kept here came in a list bundle: nothing to sign with,
                // and the import removes it after the history (dev.curation.command.bundle)
                jdbc.sql("""
                                INSERT INTO webhook (id, list_id, url, kinds, state, created_at)
                                SELECT ?, ?, COALESCE((SELECT url FROM webhook_secret WHERE id = ?), ?), ?, 'active', ?
                                WHERE EXISTS (SELECT 1 FROM webhook_secret WHERE id = ?)
                                ON CONFLICT (id) DO NOTHING""")
                        .params(s.webhook(), s.listId(), s.webhook(), s.url(), String.join(",", s.kinds()),
                                Timestamp.from(message.getTimestamp()), s.webhook())
                        .update();
                return;
            }
            case WebhookRemoved r -> {
                // by list too: a list imported beside its original names the original's subscriptions
                jdbc.sql("UPDATE webhook SET state = 'removed' WHERE id = ? AND list_id = ?").params(r.webhook(), r.listId())
                        .update();
                return;
            }
            case WebhookReEnabled r -> {
                jdbc.sql("UPDATE webhook SET state = 'active', failures = 0 WHERE id = ? AND list_id = ? AND state <> 'removed'")
                        .params(r.webhook(), r.listId()).update();
                jdbc.sql("""
                        UPDATE webhook_delivery SET next_attempt_at = now() WHERE webhook_id = ? AND state = 'pending'
                          AND webhook_id IN (SELECT id FROM webhook WHERE list_id = ?)""")
                        .params(r.webhook(), r.listId()).update();
                return;
            }
            default -> {
            }
        }
        String type = EventEnvelope.typeName(event);
        boolean noVersion = ListEvents.NO_VERSION.contains(type);
        boolean endOfVersion = Boolean.TRUE.equals(message.getMetaData().get(EventMetadata.END_OF_VERSION));
        if (!noVersion && !endOfVersion) {
            return;
        }
        List<String> hooks = jdbc.sql("SELECT id, kinds FROM webhook WHERE list_id = ? AND state <> 'removed'")
                .param(event.listId())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list().stream()
                .filter(h -> List.of(h.get(1).split(",")).contains(kind(type, noVersion)))
                .map(List::getFirst).toList();
        if (hooks.isEmpty()) {
            return;
        }
        long sequence = message instanceof DomainEventMessage<?> stored ? stored.getSequenceNumber() : 0;
        long version = ((Number) message.getMetaData().getOrDefault(EventMetadata.VERSION, 0L)).longValue();
        byte[] body = json.writeValueAsBytes(body(event, type, noVersion, sequence, version, message));
        for (String hook : hooks) {
            jdbc.sql("""
                            INSERT INTO webhook_delivery (webhook_id, sequence, kind, body, event_id, traceparent)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (webhook_id, sequence) DO NOTHING""")
                    .params(hook, sequence, kind(type, noVersion), body, message.getIdentifier(), TraceMetadata.parent(message))
                    .update();
        }
    }

    private static String kind(String type, boolean noVersion) {
        return !noVersion ? "version" : type.startsWith("Proposal") ? "proposal" : "settings";
    }

    private Map<String, Object> body(ListEvent event, String type, boolean noVersion, long sequence, long version,
                                     EventMessage<?> message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("listId", event.listId());
        body.put("kind", kind(type, noVersion));
        body.put("sequence", sequence);
        body.put("version", version);
        body.put("at", message.getTimestamp().toString());
        body.put("actor", message.getMetaData().get(EventMetadata.ACTOR));
        if (noVersion) {
            body.put("type", type);
            body.put("event", event);
            return body;
        }
        if (version <= 1) {
            body.put("imported", true);
            return body;
        }
        ListHistory.PastVersions past = versions.of(event.listId(), version, version);
        ListDocument after = past.before().copy();
        for (var v : past.versions()) {
            for (ListEvent e : v.events()) {
                after = ListFold.apply(after, e);
            }
        }
        DocumentDiff diff = DocumentDiff.between(past.before(), after);
        body.put("entries", diff.entries());
        body.put("sections", diff.sections());
        return body;
    }
}

package dev.curation.command.bundle;

import dev.curation.command.list.EventMetadata;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a list's bundle as it reads the event store, one line at a time: a header, every event
 * of the list up to the last one stored when the export began, and the SHA-256 of those lines.
 * Payloads are written as the event store reads them today (the current revision of their type),
 * so an old event's payload goes out as this installation reads it (a revision-1
 * {@code WebhookSubscribed} without its receiver's whole URL). No secret is in any event.
 */
@Component
public class BundleExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventStore events;
    private final Serializer serializer;

    BundleExport(EventStore events, @Qualifier("eventSerializer") Serializer serializer) {
        this.events = events;
        this.serializer = serializer;
    }

    /** Streams the bundle of list {@code listId} to {@code out}; returns the number of events written. */
    public long write(String listId, String slug, OutputStream out) throws IOException {
        MessageDigest digest = sha256();
        long count = events.lastSequenceNumberFor(listId).map(last -> last + 1).orElse(0L);
        ObjectNode header = JSON.createObjectNode()
                .put("format", BundleFormat.NAME)
                .put("formatVersion", BundleFormat.VERSION)
                .put("listId", listId)
                .put("slug", slug)
                .put("exportedAt", Instant.now().toString())
                .put("events", count);
        line(header, digest, out);
        DomainEventStream stream = events.readEvents(listId);
        long written = 0;
        while (written < count && stream.hasNext()) {
            line(event(stream.next()), digest, out);
            written++;
        }
        out.write(JSON.writeValueAsBytes(JSON.createObjectNode()
                .put("checksum", BundleFormat.SHA_256 + HexFormat.of().formatHex(digest.digest()))));
        out.write('\n');
        out.flush();
        return written;
    }

    private ObjectNode event(DomainEventMessage<?> message) {
        ListEvent payload = (ListEvent) message.getPayload();
        byte[] json = serializer.serialize(payload, byte[].class).getData();
        ObjectNode line = JSON.createObjectNode()
                .put("eventId", message.getIdentifier())
                .put("type", EventEnvelope.typeName(payload))
                .put("revision", EventEnvelope.revisionOf(payload.getClass()))
                .put("sequence", message.getSequenceNumber())
                .put("version", ((Number) message.getMetaData().getOrDefault(EventMetadata.VERSION, 0L)).longValue())
                .put("actor", (String) message.getMetaData().get(EventMetadata.ACTOR))
                .put("timestamp", message.getTimestamp().toString())
                .put("endOfVersion", Boolean.TRUE.equals(message.getMetaData().get(EventMetadata.END_OF_VERSION)))
                .put("correlationId", (String) message.getMetaData().get(EventMetadata.CORRELATION_ID));
        line.set("payload", JSON.readTree(json));
        return line;
    }

    private static void line(ObjectNode node, MessageDigest digest, OutputStream out) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(node);
        digest.update(bytes);
        digest.update((byte) '\n');
        out.write(bytes);
        out.write('\n');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

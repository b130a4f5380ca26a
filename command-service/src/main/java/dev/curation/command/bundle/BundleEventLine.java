package dev.curation.command.bundle;

import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListImported;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One event line of a bundle, read for this installation: its payload deserialized as the event
 * store would, with the list's new id (and, in {@code ListImported}, its new slug) and each
 * proposal's new id, so that a list imported beside its original shares no id with it.
 */
record BundleEventLine(ListEvent payload, long sequence, long version, @Nullable String actor, Instant timestamp,
                       boolean endOfVersion, @Nullable String correlationId) {

    private static final int MAX_NAME = 200;

    /** What rewriting needs: the list's id in the bundle, its new id and slug here. */
    record Target(String sourceListId, String listId, String slug) {

        /** A proposal's id here: derived from the new list id, so every pass over the bundle makes the same one. */
        String proposal(String original) {
            return UUID.nameUUIDFromBytes((listId + "/" + original).getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    static BundleEventLine read(ObjectNode line, long number, Target target, Serializer serializer, int maxEventBytes) {
        String type = text(line, "type", number, false);
        Class<? extends ListEvent> payloadType = EventEnvelope.payloadType(type);
        if (payloadType == null) {
            throw BundleRefusal.unknownType("line " + number + ": event type '" + type + "' is unknown to this installation");
        }
        String revision = text(line, "revision", number, false);
        String current = EventEnvelope.revisionOf(payloadType);
        if (current == null || !revision.matches("[0-9]{1,4}") || Integer.parseInt(revision) > Integer.parseInt(current)) {
            throw BundleRefusal.payload("line " + number + ": revision '" + revision + "' of " + type
                    + " is not one this installation reads (up to " + current + ")");
        }
        if (!(line.get("payload") instanceof ObjectNode payload)) {
            throw BundleRefusal.payload("line " + number + ": the event has no payload object");
        }
        if (!(payload.get("listId") instanceof JsonNode id) || !id.isString() || !id.asString().equals(target.sourceListId())) {
            throw BundleRefusal.payload("line " + number + ": the payload's listId is not the bundle's list");
        }
        payload.put("listId", target.listId());
        if (payloadType == ListImported.class) {
            payload.put("slug", target.slug());
        }
        if (type.startsWith("Proposal") && payload.get("proposal") instanceof JsonNode proposal && proposal.isString()) {
            payload.put("proposal", target.proposal(proposal.asString()));
        }
        ListEvent event = deserialize(payload, payloadType, revision, number, serializer);
        if (serializer.serialize(event, byte[].class).getData().length > maxEventBytes) {
            throw BundleRefusal.payload("line " + number + ": the event is larger than " + maxEventBytes
                    + " bytes (curation.limits.max-event-bytes)");
        }
        return new BundleEventLine(event, number(line, "sequence", number), number(line, "version", number),
                nullableText(line, "actor", number), timestamp(line, number),
                line.get("endOfVersion") instanceof JsonNode end && end.isBoolean() && end.asBoolean(),
                nullableText(line, "correlationId", number));
    }

    private static ListEvent deserialize(ObjectNode payload, Class<? extends ListEvent> type, String revision, long number,
                                         Serializer serializer) {
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        Object event;
        try {
            event = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type.getName(), revision));
        } catch (RuntimeException e) {
            throw BundleRefusal.payload("line " + number + ": the " + type.getSimpleName() + " payload does not deserialize");
        }
        if (!type.isInstance(event)) {
            throw BundleRefusal.payload("line " + number + ": the " + type.getSimpleName() + " payload does not deserialize");
        }
        return type.cast(event);
    }

    static String text(ObjectNode node, String field, long number, boolean header) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isEmpty() || value.asString().length() > MAX_NAME) {
            throw BundleRefusal.invalid(field, (header ? "the header" : "line " + number) + " has no " + field
                    + " (a string of at most " + MAX_NAME + " characters)");
        }
        return value.asString();
    }

    private static @Nullable String nullableText(ObjectNode node, String field, long number) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : text(node, field, number, false);
    }

    static long number(ObjectNode node, String field, long number) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw BundleRefusal.invalid(field, (number == 1 ? "the header" : "line " + number) + " has no " + field
                    + " (a whole number, 0 or more)");
        }
        return value.asLong();
    }

    private static Instant timestamp(ObjectNode node, long number) {
        String text = text(node, "timestamp", number, false);
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw BundleRefusal.invalid("timestamp", "line " + number + ": timestamp '" + text + "' is not ISO-8601 UTC");
        }
    }
}

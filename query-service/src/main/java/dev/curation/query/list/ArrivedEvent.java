package dev.curation.query.list;

import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.WebhookSubscribed;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as it arrived on the topic: its envelope, and its payload's JSON bytes exactly as sent
 * (history stores them), except where an old revision held what no open read may show.
 */
record ArrivedEvent(EventEnvelope envelope, byte[] payloadJson) {

    /**
     * Reads a record in one pass over its bytes: the envelope's fields, and where its payload
     * starts and ends, so the payload is bound once and stored as it came, not written again.
     * Fields may come in any order; unknown ones are skipped.
     *
     * @throws IllegalArgumentException naming what the record lacks or has wrong
     * @throws tools.jackson.core.JacksonException when it is not JSON
     */
    static ArrivedEvent read(JsonMapper json, ConsumerRecord<String, byte[]> record) {
        byte[] bytes = record.value();
        if (bytes == null) {
            throw new IllegalArgumentException("record without a value");
        }
        String eventId = null;
        String type = null;
        String revision = null;
        String listId = null;
        Long version = null;
        Long sequence = null;
        String timestamp = null;
        String actor = null;
        String correlationId = null;
        boolean endOfVersion = false;
        int payloadStart = -1;
        int payloadEnd = -1;
        try (JsonParser parser = json.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an envelope is a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "eventId" -> eventId = text(parser, value, field);
                    case "type" -> type = text(parser, value, field);
                    case "revision" -> revision = text(parser, value, field);
                    case "listId" -> listId = text(parser, value, field);
                    case "version" -> version = number(parser, value, field);
                    case "sequence" -> sequence = number(parser, value, field);
                    case "timestamp" -> timestamp = text(parser, value, field);
                    case "actor" -> actor = text(parser, value, field);
                    case "correlationId" -> correlationId = text(parser, value, field);
                    case "endOfVersion" -> endOfVersion = value == JsonToken.VALUE_TRUE;
                    case "payload" -> {
                        if (value != JsonToken.START_OBJECT) {
                            throw new IllegalArgumentException("the envelope's payload is not a JSON object");
                        }
                        payloadStart = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        payloadEnd = (int) parser.currentLocation().getByteOffset();
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        type = required(type, "type");
        Class<? extends ListEvent> payloadType = EventEnvelope.payloadType(type);
        if (payloadType == null) {
            throw new IllegalStateException("unknown event type " + type + " at offset " + record.offset()
                    + " of partition " + record.partition() + "; upgrade the query service");
        }
        if (payloadStart < 0 || payloadEnd <= payloadStart || payloadEnd > bytes.length) {
            throw new IllegalArgumentException("the envelope has no payload");
        }
        byte[] payloadJson = Arrays.copyOfRange(bytes, payloadStart, payloadEnd);
        EventEnvelope envelope = new EventEnvelope(required(eventId, "eventId"), type, revision, required(listId, "listId"),
                required(version, "version"), required(sequence, "sequence"), Instant.parse(required(timestamp, "timestamp")),
                actor, correlationId, endOfVersion, json.readValue(payloadJson, payloadType));
        if (!envelope.listId().equals(record.key()) || !envelope.listId().equals(envelope.payload().listId())) {
            throw new IllegalArgumentException("record key " + record.key() + ", envelope list " + envelope.listId()
                    + " and payload list " + envelope.payload().listId() + " differ");
        }
        // a subscription of revision 1 carried the receiver's whole URL, a credential: the payload read
        // has only its origin (WebhookSubscribed), and that is what is stored and served, never the bytes sent
        return new ArrivedEvent(envelope, envelope.payload() instanceof WebhookSubscribed subscribed
                ? json.writeValueAsBytes(subscribed) : payloadJson);
    }

    private static String text(JsonParser parser, JsonToken value, String field) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("the envelope's " + field + " is not a string");
        }
        return parser.getString();
    }

    private static Long number(JsonParser parser, JsonToken value, String field) {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException("the envelope's " + field + " is not a whole number");
        }
        return parser.getLongValue();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("the envelope has no " + field);
        }
        return value;
    }
}

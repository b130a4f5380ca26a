package dev.curation.command.webhook;

import dev.curation.core.list.CloudEventNames;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The headers of a delivery, whose body is the change's JSON as it was written to the outbox:
 * <ul>
 * <li>Standard Webhooks: {@code webhook-id} (the same on every attempt: receivers dedupe by it),
 * {@code webhook-timestamp}, {@code webhook-signature};</li>
 * <li>CloudEvents' HTTP binding in binary mode, written by the CloudEvents SDK: {@code ce-id} (the
 * event that completed the change, as on Kafka), {@code ce-source}, {@code ce-type}
 * ({@code dev.curation.change.<kind>.v1}), {@code ce-subject}, {@code ce-time} and the extensions
 * {@code ce-listversion}, {@code ce-listsequence}, {@code ce-actor}; {@code Content-Type};</li>
 * <li>deprecated, for one deprecation period (ADR 30): {@code Curation-Webhook-Id},
 * {@code Curation-Delivery}, {@code Curation-Timestamp}, {@code Curation-Signature}.</li>
 * </ul>
 */
final class DeliveryHeaders {

    private final JsonMapper json;

    DeliveryHeaders(JsonMapper json) {
        this.json = json;
    }

    /** Standard Webhooks' message id of a delivery: its subscription and its list event sequence. */
    static String webhookId(String webhook, long sequence) {
        return webhook + "_" + sequence;
    }

    Map<String, String> of(WebhookSender.Due due, long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        String id = webhookId(due.webhook(), due.sequence());
        cloudEvent(due, id, headers);
        headers.put("Content-Type", CloudEventNames.JSON);
        headers.put("User-Agent", "curation-webhooks/0.1");
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.standard(due.secret(), id, timestamp, due.body()));
        headers.put("Curation-Webhook-Id", due.webhook());
        headers.put("Curation-Delivery", Long.toString(due.sequence()));
        headers.put("Curation-Timestamp", Long.toString(timestamp));
        headers.put("Curation-Signature", WebhookSignature.of(due.secret(), timestamp, due.body()));
        return headers;
    }

    /** The CloudEvents attributes, from the body the outbox wrote (listId, kind, version, at, actor). */
    private void cloudEvent(WebhookSender.Due due, String webhookId, Map<String, String> headers) {
        JsonNode body = json.readTree(due.body());
        long version = body.path("version").asLong();
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(due.eventId() != null ? due.eventId() : webhookId)
                .withSource(URI.create(CloudEventNames.source(body.path("listId").asString())))
                .withType(CloudEventNames.changeType(body.path("kind").asString()))
                .withSubject(CloudEventNames.subject(version))
                .withTime(Instant.parse(body.path("at").asString()).atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventNames.JSON)
                .withData(due.body())
                .withExtension(CloudEventNames.LIST_VERSION, version)
                .withExtension(CloudEventNames.LIST_SEQUENCE, due.sequence());
        String actor = body.path("actor").asString(null);
        if (actor != null) {
            event.withExtension(CloudEventNames.ACTOR, actor);
        }
        // the SDK writes ce-* headers and Content-Type; the body is sent as it is
        HttpMessageFactory.createWriter(headers::put, bytes -> { }).writeBinary(event.build());
    }
}

package dev.curation.command.list;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.messaging.Message;
import org.jspecify.annotations.Nullable;

/**
 * The W3C trace context a command and its events carry in their metadata ({@link EventMetadata#TRACEPARENT}),
 * so that whatever handles an event later, on another thread or after a restart (the Kafka publisher,
 * the webhook outbox), opens its span in the trace of the request that caused it.
 */
public final class TraceMetadata {

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_SOURCE = Pattern.compile("[0-9a-f]{16,}");

    private TraceMetadata() {
    }

    /** The {@code traceparent} of a span context, as the configured propagator writes it. */
    public static @Nullable String traceparent(Propagator propagator, TraceContext context) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** A span builder whose parent is the trace context a message carries (a new trace when it carries none). */
    public static Span.Builder childOf(Propagator propagator, Message<?> message) {
        return childOf(propagator, parent(message));
    }

    /** A span builder whose parent is {@code traceparent} (a new trace when null). */
    public static Span.Builder childOf(Propagator propagator, @Nullable String traceparent) {
        Map<String, String> carrier = traceparent == null ? Map.of() : Map.of("traceparent", traceparent);
        return propagator.extract(carrier, Map::get);
    }

    /**
     * The message's {@code traceparent}; for an event stored before it had one, the one derived from its
     * {@link EventMetadata#TRACE_ID} (the request's trace id, or Axon's command id as 32 hex digits) and
     * a span id from the event id, as the Kafka records of those events carried it.
     */
    public static @Nullable String parent(Message<?> message) {
        Object traceparent = message.getMetaData().get(EventMetadata.TRACEPARENT);
        if (traceparent != null) {
            return traceparent.toString();
        }
        Object traceId = message.getMetaData().get(EventMetadata.TRACE_ID);
        if (traceId == null) {
            return null;
        }
        String trace = traceId.toString().replace("-", "").toLowerCase(Locale.ROOT);
        String span = message.getIdentifier().replace("-", "").toLowerCase(Locale.ROOT);
        if (!TRACE_ID.matcher(trace).matches() || !SPAN_SOURCE.matcher(span).matches()) {
            return null;
        }
        return "00-" + trace + "-" + span.substring(0, 16) + "-01";
    }
}

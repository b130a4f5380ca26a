package dev.curation.command.config;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.serialization.Serializer;

/**
 * The last guard before the event store: an event whose payload serializes to more than the
 * configured bound is refused, so the unit of work rolls back and nothing is stored. The input
 * contract should make this unreachable; if it ever fires, the publisher would otherwise be
 * handed a record the topic refuses, and stop for every list.
 */
final class EventSizeLimit implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Serializer serializer;
    private final int maxBytes;

    EventSizeLimit(Serializer serializer, int maxBytes) {
        this.serializer = serializer;
        this.maxBytes = maxBytes;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            int bytes = serializer.serialize(message.getPayload(), byte[].class).getData().length;
            if (bytes > maxBytes) {
                throw new EventTooLargeException(message.getPayloadType().getSimpleName(), bytes, maxBytes);
            }
            return message;
        };
    }
}

package dev.curation.core.list;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The value of every record on the Kafka topic {@value #TOPIC} (key: the list id).
 *
 * @param eventId       unique id of the event (the event store's event identifier)
 * @param type          simple name of the payload type, e.g. {@code ListImported}
 * @param revision      payload revision of that type
 * @param listId        the list the event belongs to
 * @param version       the list version the event is part of (one accepted change = one version)
 * @param sequence      position of the event in the list's event stream, from 0, without gaps
 * @param timestamp     when the event was stored, ISO-8601
 * @param actor         who caused it
 * @param correlationId id of the command (or proposal) that caused it
 * @param endOfVersion  true on the last event of its version: readers show a version only once it is complete
 * @param payload       the event itself
 */
public record EventEnvelope(String eventId, String type, String revision, String listId, long version, long sequence,
                            Instant timestamp, String actor, String correlationId, boolean endOfVersion,
                            ListEvent payload) {

    public static final String TOPIC = "curation.list-events";

    private static final Map<String, Class<? extends ListEvent>> TYPES = Arrays
            .stream(ListEvent.class.getPermittedSubclasses())
            .map(c -> c.asSubclass(ListEvent.class))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    /** The payload class for a {@code type} name, or null for a type this version does not know. */
    public static @Nullable Class<? extends ListEvent> payloadType(String type) {
        return TYPES.get(type);
    }

    public static String typeName(ListEvent event) {
        return event.getClass().getSimpleName();
    }

    public static @Nullable String revisionOf(Class<?> type) {
        EventRevision revision = type.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }
}

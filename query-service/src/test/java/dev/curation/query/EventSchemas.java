package dev.curation.query;

import dev.curation.core.document.DocumentDiff;
import dev.curation.core.list.EventEnvelope;
import dev.curation.core.list.ListEvent;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Schemas (AsyncAPI's schema dialect, JSON Schema draft 7) and the Kafka messages of
 * docs/asyncapi.yaml that follow from curation-core's records, as plain maps the way a YAML
 * reader gives them: one schema per record the events hold (a record component is a JSON
 * property, written even when null, so every one is required; a {@link Nullable} one may be
 * null), a sealed interface a {@code oneOf} of its records, an enum its constants. The document
 * adds descriptions and examples; everything else must be this ({@code AsyncApiDocumentTest}).
 */
final class EventSchemas {

    static final String REF = "#/components/schemas/";
    /** The schema every event's value has, its payload chosen by type. */
    static final String ENVELOPE = "EventEnvelope";

    private final Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();

    private EventSchemas() {
    }

    /** The schemas of the envelope, every event and what they hold, and of a change's item diffs. */
    static Map<String, Map<String, Object>> schemas() {
        EventSchemas generator = new EventSchemas();
        generator.define(EventEnvelope.class);
        generator.define(DocumentDiff.EntryChange.class);
        generator.define(DocumentDiff.SectionChange.class);
        return generator.schemas;
    }

    /** The event types, by the name they travel under. */
    static List<Class<? extends ListEvent>> eventTypes() {
        return Arrays.stream(ListEvent.class.getPermittedSubclasses())
                .<Class<? extends ListEvent>>map(c -> c.asSubclass(ListEvent.class)).toList();
    }

    /** One Kafka message per event type: the envelope with that type's payload, and that type's ce_type. */
    static Map<String, Map<String, Object>> kafkaMessages() {
        Map<String, Map<String, Object>> messages = new LinkedHashMap<>();
        for (Class<? extends ListEvent> type : eventTypes()) {
            String name = type.getSimpleName();
            String revision = Objects.requireNonNull(EventEnvelope.revisionOf(type), name + " has no @EventRevision");
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("name", name);
            message.put("title", name + " v" + revision);
            message.put("contentType", "application/json");
            message.put("headers", Map.of("allOf", List.of(ref("KafkaHeaders"),
                    Map.of("properties", Map.of("ce_type", Map.of("const", "dev.curation.list." + name + ".v" + revision))))));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", Map.of("const", name));
            payload.put("revision", Map.of("const", revision));
            payload.put("payload", ref(name));
            message.put("payload", Map.of("allOf", List.of(ref(ENVELOPE), Map.of("properties", payload))));
            message.put("bindings", Map.of("$ref", "#/components/messageBindings/listEventKey"));
            messages.put(name, message);
        }
        return messages;
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", REF + name);
    }

    private Map<String, Object> define(Class<?> type) {
        String name = type.getSimpleName();
        if (!schemas.containsKey(name)) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schemas.put(name, schema); // before the components: a record may hold itself
            if (type.isSealed()) {
                List<Object> choices = new ArrayList<>();
                for (Class<?> choice : type.getPermittedSubclasses()) {
                    choices.add(define(choice));
                }
                schema.put("anyOf", choices); // a payload may fit several shapes: its type says which
            } else {
                Map<String, Object> properties = new LinkedHashMap<>();
                List<String> required = new ArrayList<>();
                for (RecordComponent component : type.getRecordComponents()) {
                    properties.put(component.getName(), property(component.getAnnotatedType()));
                    required.add(component.getName());
                }
                schema.put("type", "object");
                schema.put("properties", properties);
                schema.put("required", required);
            }
        }
        return ref(name);
    }

    private Map<String, Object> property(AnnotatedType annotated) {
        Map<String, Object> schema = of(annotated.getType());
        if (!annotated.isAnnotationPresent(Nullable.class)) {
            return schema;
        }
        Object type = schema.get("type");
        if (type instanceof String single && !schema.containsKey("enum")) {
            Map<String, Object> nullable = new LinkedHashMap<>(schema);
            nullable.put("type", List.of(single, "null"));
            return nullable;
        }
        return Map.of("oneOf", List.of(schema, Map.of("type", "null")));
    }

    private Map<String, Object> of(Type type) {
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                return Map.of("type", "array", "items", of(arguments[0]));
            }
            if (generic.getRawType() == Map.class && arguments[0] == String.class) {
                return Map.of("type", "object", "additionalProperties", of(arguments[1]));
            }
            throw new IllegalArgumentException("no schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return Map.of("type", "string");
        }
        if (c == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (c == int.class || c == Integer.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        }
        if (c.isRecord() || c.isSealed()) {
            return define(c);
        }
        throw new IllegalArgumentException("no schema for " + type);
    }
}

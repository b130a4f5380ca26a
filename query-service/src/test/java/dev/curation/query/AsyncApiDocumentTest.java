package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/asyncapi.yaml describes the events the records make: every event type a message on the
 * list-events channel, every record's schema with exactly its fields and types (descriptions and
 * examples are the document's own). When this fails, target/asyncapi/generated.yaml holds what
 * the records say, to copy from.
 */
class AsyncApiDocumentTest {

    static final Path DOCUMENT = Path.of("../docs/asyncapi.yaml");

    @Test
    void everyEventTypeAndFieldOfTheRecordsIsInTheDocumentAndNothingElse() throws IOException {
        Map<String, Map<String, Object>> schemas = EventSchemas.schemas();
        Map<String, Map<String, Object>> messages = EventSchemas.kafkaMessages();
        writeGenerated(schemas, messages);
        Map<String, Object> document = map(new Yaml().load(Files.readString(DOCUMENT)));
        Map<String, Object> components = map(document.get("components"));
        Map<String, Object> documented = map(components.get("schemas"));
        Map<String, Object> documentedMessages = map(components.get("messages"));

        List<String> problems = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            if (!documented.containsKey(name)) {
                problems.add("schema " + name + " is missing");
                return;
            }
            Map<String, Object> theirs = map(documented.get(name));
            Set<String> fields = fields(schema);
            Set<String> documentedFields = fields(theirs);
            fields.stream().filter(f -> !documentedFields.contains(f)).forEach(f -> problems.add(name + "." + f + " is missing"));
            documentedFields.stream().filter(f -> !fields.contains(f)).forEach(f -> problems.add(name + "." + f + " is not in the record"));
            if (problems.isEmpty() && !stripped(theirs).equals(schema)) {
                problems.add("schema " + name + " is " + stripped(theirs) + ", the record says " + schema);
            }
        });
        Set<String> onChannel = refs(map(map(map(document.get("channels")).get("listEvents")).get("messages")));
        messages.forEach((name, message) -> {
            if (!onChannel.contains("#/components/messages/" + name)) {
                problems.add("message " + name + " is not on the channel listEvents");
            }
            Object theirs = documentedMessages.get(name);
            if (theirs == null) {
                problems.add("message " + name + " is missing");
            } else if (!withoutProse(map(theirs)).equals(message)) {
                problems.add("message " + name + " is " + withoutProse(map(theirs)) + ", the records say " + message);
            }
        });
        onChannel.stream().map(ref -> ref.substring(ref.lastIndexOf('/') + 1)).filter(name -> !messages.containsKey(name))
                .forEach(name -> problems.add("message " + name + " is on listEvents but is no event type"));
        assertThat(problems).as("docs/asyncapi.yaml against curation-core's records (see target/asyncapi/generated.yaml)")
                .isEmpty();
    }

    private static void writeGenerated(Map<String, Map<String, Object>> schemas, Map<String, Map<String, Object>> messages)
            throws IOException {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        Files.createDirectories(Path.of("target/asyncapi"));
        Files.writeString(Path.of("target/asyncapi/generated.yaml"),
                new Yaml(options).dump(Map.of("components", Map.of("schemas", schemas, "messages", messages))));
    }

    private static Set<String> refs(Map<String, Object> channelMessages) {
        Set<String> refs = new LinkedHashSet<>();
        channelMessages.values().forEach(m -> refs.add((String) map(m).get("$ref")));
        return refs;
    }

    private static Set<String> fields(Map<String, Object> schema) {
        Object properties = schema.get("properties");
        return properties == null ? Set.of() : new LinkedHashSet<>(map(properties).keySet());
    }

    private static Map<String, Object> withoutProse(Map<String, Object> message) {
        Map<String, Object> copy = new LinkedHashMap<>(message);
        copy.keySet().removeAll(Set.of("summary", "description", "examples"));
        return copy;
    }

    /** A schema without its descriptions and examples, in every schema it holds. */
    private static Map<String, Object> stripped(Map<String, Object> schema) {
        Map<String, Object> copy = new LinkedHashMap<>();
        schema.forEach((key, value) -> {
            switch (key) {
                case "description", "examples" -> {
                }
                case "properties" -> {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    map(value).forEach((name, property) -> properties.put(name, stripped(map(property))));
                    copy.put(key, properties);
                }
                case "items", "additionalProperties" -> copy.put(key, value instanceof Map<?, ?> ? stripped(map(value)) : value);
                case "oneOf", "allOf", "anyOf" -> copy.put(key, ((List<?>) value).stream().map(s -> stripped(map(s))).toList());
                default -> copy.put(key, value);
            }
        });
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}

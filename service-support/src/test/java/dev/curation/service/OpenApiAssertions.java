package dev.curation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * What both services' OpenAPI documents must say, as Redocly's recommended rules ask and clients
 * need: a summary and the security of every operation, every refusal as problem+json (at least one
 * 4xx, and 503 for a database outage), typed parameters, and no dangling {@code $ref}.
 */
public final class OpenApiAssertions {

    private OpenApiAssertions() {
    }

    /**
     * @param scheme the security scheme an operation needs, by method and path, or null when it is open
     * @return the operations, as "METHOD /path"
     */
    public static List<String> assertTruthful(JsonNode api, BiFunction<String, String, String> scheme) {
        assertRefsResolve(api);
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                assertThat(operation.path("summary").asString("")).as(name + " summary").isNotBlank();
                assertThat(operation.get("security")).as(name + " security").isNotNull();
                String needed = scheme.apply(method.getKey(), path.getKey());
                if (needed == null) {
                    assertThat(operation.get("security").isEmpty()).as(name + " is open").isTrue();
                } else {
                    assertThat(operation.get("security").get(0).has(needed)).as(name + " needs " + needed).isTrue();
                    assertThat(operation.get("responses").has("401")).as(name + " 401").isTrue();
                }
                List<String> refusals = new ArrayList<>();
                for (Map.Entry<String, JsonNode> response : operation.get("responses").properties()) {
                    if (response.getKey().matches("[45]\\d\\d")) {
                        refusals.add(response.getKey());
                        assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asString(""))
                                .as(name + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
                        assertThat(response.getValue().path("content").size()).as(name + " " + response.getKey()).isOne();
                    }
                }
                assertThat(refusals).as(name + " refusals").anyMatch(code -> code.startsWith("4")).contains("503");
                for (JsonNode parameter : operation.path("parameters")) {
                    assertThat(parameter.has("schema") || parameter.has("content")).as(name + " " + parameter.get("name")).isTrue();
                }
            }
        }
        // the container's error forwarding is not an operation of the API
        assertThat(operations).isNotEmpty().noneMatch(o -> o.endsWith(" /error"));
        return operations;
    }

    /** Every {@code $ref} names something the document has. */
    private static void assertRefsResolve(JsonNode api) {
        List<String> refs = new ArrayList<>();
        ArrayDeque<JsonNode> nodes = new ArrayDeque<>(List.of(api));
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asString());
            }
            node.forEach(nodes::push);
        }
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(api.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }
}

package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document tells the truth about the running service: reads are declared open,
 * operations need the operations token, every refusal is problem+json (what Redocly's
 * recommended rules ask, checked in the build).
 */
class ApiDocsTest extends KafkaFedTest {

    @Test
    void everyOperationSaysWhoMayCallItAndEveryRefusalIsProblemJson() throws Exception {
        byte[] body = get("/v3/api-docs").body();
        // kept for outside linters: npx @redocly/cli lint --extends recommended target/openapi/query-service.json
        Files.createDirectories(Path.of("target/openapi"));
        Files.write(Path.of("target/openapi/query-service.json"), body);
        JsonNode api = json.readTree(body);

        assertThat(api.at("/components/securitySchemes/operationsToken/scheme").asString()).isEqualTo("bearer");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                assertThat(operation.path("summary").asString("")).as(name + " summary").isNotBlank();
                assertThat(operation.get("security")).as(name + " security").isNotNull();
                if (path.getKey().startsWith("/api/operations/")) {
                    assertThat(operation.get("security").get(0).has("operationsToken")).as(name).isTrue();
                } else {
                    assertThat(operation.get("security").isEmpty()).as(name + " is open").isTrue();
                }
                List<String> refusals = new ArrayList<>();
                for (Map.Entry<String, JsonNode> response : operation.get("responses").properties()) {
                    if (response.getKey().matches("[45]\\d\\d")) {
                        refusals.add(response.getKey());
                        assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asString(""))
                                .as(name + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
                    }
                }
                assertThat(refusals).as(name + " refusals").anyMatch(code -> code.startsWith("4")).contains("503");
                for (JsonNode parameter : operation.path("parameters")) {
                    assertThat(parameter.has("schema") || parameter.has("content")).as(name + " " + parameter.get("name")).isTrue();
                }
            }
        }
        assertThat(operations).contains("GET /api/lists/{slug}/markdown", "POST /api/operations/quarantine/{list}/retry")
                .noneMatch(o -> o.endsWith(" /error"));
    }
}

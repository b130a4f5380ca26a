package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.edit.EditSpec;
import dev.curation.service.OpenApiAssertions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
        List<String> operations = OpenApiAssertions.assertTruthful(api,
                (method, path) -> path.startsWith("/api/operations/") ? "operationsToken" : null);
        assertThat(operations).contains("GET /api/lists/{slug}/markdown", "POST /api/operations/quarantine/{list}/retry");
        // the list endpoints that grow with the data are paged, and say how
        for (String path : List.of("/api/lists/{slug}/links", "/api/lists/{slug}/proposals", "/api/search")) {
            JsonNode parameters = api.at("/paths/" + path.replace("/", "~1") + "/get/parameters");
            for (String name : List.of("limit", "offset")) {
                JsonNode parameter = StreamSupport.stream(parameters.spliterator(), false)
                        .filter(p -> p.get("name").asString().equals(name)).findFirst().orElseThrow();
                assertThat(parameter.at("/schema/type").asString()).as(path + " " + name).isEqualTo("integer");
                assertThat(parameter.get("description").asString()).as(path + " " + name)
                        .contains(name.equals("limit") ? "1 to 200" : "next");
            }
            assertThat(api.at("/paths/" + path.replace("/", "~1") + "/get/responses/200/headers/Link/description").asString())
                    .contains("rel=\"next\"");
        }
        // a client holding its share of change streams is told so
        for (String path : List.of("/api/lists/{slug}/stream", "/api/streams/changes")) {
            assertThat(api.at("/paths/" + path.replace("/", "~1") + "/get/responses/429/description").asString())
                    .contains("curation.streams.max-open-per-address");
        }
        // a proposal's edits are documented as they are served, each op its own schema with its op's fields
        assertThat(api.at("/components/schemas/ProposalView/properties/edits/items/$ref").asString())
                .isEqualTo("#/components/schemas/Edit");
        assertThat(api.at("/components/schemas/Edit/oneOf")).hasSize(EditSpec.OPS.size() + 1);
        assertThat(api.at("/components/schemas/AddLink/properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of("op"), EditSpec.fieldsOf("addLink").stream()).toList());
        assertThat(api.at("/components/schemas/EditSpec").isMissingNode()).isTrue();
        // what a review page needs: the list's stream position, a proposal's link health, a problem's edit
        assertThat(api.at("/components/schemas/ListStructure/properties/streamPosition/type").asString()).isEqualTo("integer");
        assertThat(api.at("/components/schemas/ProposalDetail/properties/links/items/$ref").asString())
                .isEqualTo("#/components/schemas/ProposalLink");
        assertThat(api.at("/components/schemas/ProposalLink/properties/status/enum").toString()).contains("\"unchecked\"", "\"dead\"");
        assertThat(api.at("/components/schemas/LintProblemView/properties/edit/description").asString()).contains("0-based");
        for (String path : List.of("/api/lists/{slug}/stream", "/api/streams/changes")) {
            JsonNode parameters = api.at("/paths/" + path.replace("/", "~1") + "/get/parameters");
            assertThat(StreamSupport.stream(parameters.spliterator(), false).filter(p -> p.get("name").asString().equals("after"))
                    .findFirst().orElseThrow().get("description").asString()).as(path).contains("now");
        }
        // parameters show the values clients send, the enums' wire names
        for (JsonNode parameter : api.at("/paths/~1api~1lists~1{slug}~1history/get/parameters")) {
            if (parameter.get("name").asString().equals("kind")) {
                assertThat(parameter.at("/schema/enum").toString()).isEqualTo("[\"import\",\"edit\",\"proposal\",\"revert\",\"commit\"]");
            }
        }
    }

    @Test
    void theAsyncApiDocumentIsServedOpenAsDocsHasIt() throws Exception {
        HttpResponse<byte[]> response = get("/asyncapi.yaml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("yaml");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(AsyncApiDocumentTest.DOCUMENT));
    }
}

package dev.curation.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.TestInfrastructure;
import dev.curation.service.OpenApiAssertions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document tells the truth about the running service: who may call what, that every
 * refusal is problem+json, and each edit op's own schema (what Redocly's recommended rules ask,
 * checked in the build).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ApiDocsTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.newDatabase("command"));
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.kafka().bootstrapServers());
        registry.add("curation.kafka.topic", () -> TestInfrastructure.uniqueName("list-events"));
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    private JsonNode api;

    @BeforeEach
    void read() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        api = json.readTree(response.body());
        // kept for outside linters: npx @redocly/cli lint --extends recommended target/openapi/command-service.json
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/openapi"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi/command-service.json"), response.body());
    }

    @Test
    void everyOperationSaysWhoMayCallItAndEveryRefusalIsProblemJson() {
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asString()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/operationsToken/scheme").asString()).isEqualTo("bearer");
        assertThat(api.at("/components/securitySchemes/bearerAuth/bearerFormat").asString()).isEqualTo("JWT");
        // a bearer token, or on the local stack (this profile) Basic: either will do
        assertThat(api.at("/paths/~1api~1lists~1{slug}~1edits/post/security/1").has("basicAuth")).isTrue();
        List<String> operations = OpenApiAssertions.assertTruthful(api, (method, path) ->
                path.startsWith("/api/operations/") ? "operationsToken"
                        : method.equals("get") && !path.contains("/webhooks") ? null : "bearerAuth");
        assertThat(operations).contains("POST /api/lists", "POST /api/lists/{slug}/edits");
        // signed-in writes can also be refused for the role
        assertThat(api.at("/paths/~1api~1lists~1{slug}~1edits/post/responses").has("403")).isTrue();
        // a check of a change set answers 200 whatever it finds; its problems are not RFC 9457 problems
        JsonNode check = api.at("/paths/~1api~1lists~1{slug}~1proposals~1checks/post");
        assertThat(check.at("/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/ChangeSetRequest");
        assertThat(check.at("/responses/200/content/*~1*/schema/$ref").asString()).isEqualTo("#/components/schemas/ChangeSetCheck");
        assertThat(api.at("/components/schemas/ChangeSetCheck/properties/problems/items/$ref").asString())
                .isEqualTo("#/components/schemas/CheckProblem");
        // a check of a revert too: the revert's body, the changes by id as the query service's structural diff
        JsonNode revertCheck = api.at("/paths/~1api~1lists~1{slug}~1reverts~1checks/post");
        assertThat(revertCheck.at("/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/RevertRequest");
        assertThat(revertCheck.at("/responses/200/content/*~1*/schema/$ref").asString())
                .isEqualTo("#/components/schemas/RevertCheckView");
        assertThat(api.at("/components/schemas/RevertCheckView/properties/problems/items/$ref").asString())
                .isEqualTo("#/components/schemas/CheckProblem");
        assertThat(revertCheck.at("/responses").has("403")).isTrue();
    }

    @Test
    void eachEditOpIsASchemaOfItsOwnChosenByOp() {
        JsonNode schemas = api.at("/components/schemas");
        JsonNode edit = schemas.get("Edit");
        assertThat(edit.at("/discriminator/propertyName").asString()).isEqualTo("op");
        // the eleven edits, and the revert a proposal may hold instead
        assertThat(edit.get("oneOf")).hasSize(12);
        assertThat(edit.at("/discriminator/mapping/revert").asString()).isEqualTo("#/components/schemas/Revert");
        assertThat(strings(schemas.at("/Revert/required"))).containsExactlyInAnyOrder("op", "version");
        assertThat(edit.at("/discriminator/mapping/addLink").asString()).isEqualTo("#/components/schemas/AddLink");
        JsonNode addLink = schemas.get("AddLink");
        assertThat(addLink.at("/properties/op/enum/0").asString()).isEqualTo("addLink");
        assertThat(strings(addLink.get("required"))).containsExactlyInAnyOrder("op", "section", "title", "url");
        assertThat(strings(schemas.at("/AddSection/required"))).containsExactlyInAnyOrder("op", "title");
        assertThat(strings(schemas.at("/RemoveSection/required"))).containsExactlyInAnyOrder("op", "section");
        assertThat(schemas.at("/EditLink/minProperties").asInt()).isEqualTo(3);
        // change sets and proposals carry these, not one flat object with every field of every op
        assertThat(schemas.at("/ChangeSetRequest/properties/edits/items/$ref").asString()).isEqualTo("#/components/schemas/Edit");
        assertThat(schemas.has("EditSpec")).isFalse();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new java.util.HashSet<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}

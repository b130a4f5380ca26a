package dev.curation.command.web;

import dev.curation.core.edit.Edit;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as clients need it: who may call what (HTTP Basic for writes, the
 * operations token for operations), every refusal as RFC 9457 problem+json, and each edit op a
 * schema of its own under a {@code oneOf} discriminated by {@code op}, derived from
 * curation-core's {@link Edit} records so that the document cannot drift from the code.
 */
@Configuration
class ApiDocs {

    static final String BASIC = "basicAuth";
    static final String OPERATIONS = "operationsToken";
    static final String PROBLEM = "Problem";
    static final String EDIT = "Edit";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI commandServiceApi() {
        return new OpenAPI()
                .info(new Info().title("curation command service").version("0.1.0")
                        .description("Writes: imports, change sets, proposals and their review, reverts. "
                                + "Reads are served by the query service."))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("an account from configuration; curators may write directly and review"))
                        .addSecuritySchemes(OPERATIONS, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("curation.operations.token; when none is set, only loopback requests")));
    }

    @Bean
    OpenApiCustomizer securityProblemsAndEdits() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problem());
            addEditSchemas(api.getComponents());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean operations = path.startsWith("/api/operations/");
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        operation.setSecurity(operations ? List.of(new SecurityRequirement().addList(OPERATIONS))
                : write ? List.of(new SecurityRequirement().addList(BASIC)) : List.of());
        ApiResponses responses = operation.getResponses();
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        if ((operation.getParameters() != null && !operation.getParameters().isEmpty()) || operation.getRequestBody() != null) {
            refusal(responses, "400", "a parameter or the body is not acceptable; the detail names which and why");
        }
        if (operations) {
            refusal(responses, "401", "the operations token is missing or wrong");
            refusal(responses, "403", "no operations token is configured and the request is not from loopback");
        } else if (write) {
            refusal(responses, "401", "not signed in, or wrong credentials");
            refusal(responses, "403", "signed in without the role this needs");
            refusal(responses, "429", "too many failed sign-ins from this address or for this account; retry after Retry-After");
        }
        if (path.contains("{slug}")) {
            refusal(responses, "404", "no list with this slug");
        }
        if (operation.getRequestBody() != null) {
            refusal(responses, "413", "the body is larger than the configured limit");
            refusal(responses, "415", "the body's content type is not accepted here");
        }
        refusal(responses, "503", "PostgreSQL is unreachable: retry after Retry-After (with the same Idempotency-Key); "
                + "the detail says whether nothing was stored or the outcome is unknown");
    }

    private static void refusal(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    /** RFC 9457 problem details, with the members this service adds. */
    private static Schema<?> problem() {
        return object().description("RFC 9457 problem details")
                .addProperty("type", string().description("urn:curation:problem:<kind>, e.g. urn:curation:problem:clash"))
                .addProperty("title", string())
                .addProperty("status", integer())
                .addProperty("detail", string().description("what is wrong, naming the field or parameter"))
                .addProperty("instance", string().description("the request's path"))
                .addProperty("field", string().description("the JSON path or parameter refused, when one was"))
                .addProperty("outcome", string().description("after a database failure: nothing-stored or unknown"))
                .addProperty("currentVersion", integer().description("the list's version, when a version was refused"))
                .addProperty("items", new ArraySchema().items(string()).description("the items a clash is about"))
                .additionalProperties(true);
    }

    /**
     * One schema per edit op from curation-core's {@link Edit} records: the op's name, its
     * components as fields, required unless {@link Nullable} (or a boolean, false when absent).
     */
    private static void addEditSchemas(Components components) {
        Discriminator discriminator = new Discriminator().propertyName("op");
        Schema<Object> edit = new Schema<>().description("one edit of a change set, chosen by op");
        for (Class<?> type : Edit.class.getPermittedSubclasses()) {
            String op = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
            Schema<?> schema = object().addProperty("op", string()._enum(List.of(op))).addRequiredItem("op");
            for (RecordComponent component : type.getRecordComponents()) {
                schema.addProperty(component.getName(), field(component));
                boolean optional = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                        || component.getType() == boolean.class;
                if (!optional) {
                    schema.addRequiredItem(component.getName());
                }
            }
            if (type == Edit.EditLink.class) {
                schema.description("needs at least one of title, url, description").minProperties(3);
            }
            components.addSchemas(type.getSimpleName(), schema);
            String ref = "#/components/schemas/" + type.getSimpleName();
            edit.addOneOfItem(new Schema<>().$ref(ref));
            discriminator.mapping(op, ref);
        }
        components.addSchemas(EDIT, edit.discriminator(discriminator));
        // change sets and proposals hold these edits, not the flat EditSpec the service parses them into
        Map<String, Schema> schemas = components.getSchemas();
        schemas.values().forEach(schema -> {
            if (schema.getProperties() != null && schema.getProperties().get("edits") instanceof Schema<?> edits
                    && edits.getItems() != null && edits.getItems().get$ref() != null && edits.getItems().get$ref().endsWith("/EditSpec")) {
                schema.addProperty("edits", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + EDIT))
                        .description(edits.getDescription()).minItems(1));
            }
        });
        schemas.remove("EditSpec");
    }

    private static Schema<?> field(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return string();
        }
        if (type == Integer.class || type == int.class) {
            return integer().minimum(java.math.BigDecimal.ZERO);
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Schema<Boolean>().types(Set.of("boolean"));
        }
        throw new IllegalStateException("no schema for " + type + " of " + component);
    }

    private static Schema<?> object() {
        return new Schema<>().types(Set.of("object"));
    }

    private static Schema<String> string() {
        return new Schema<String>().types(Set.of("string"));
    }

    private static Schema<Number> integer() {
        return new Schema<Number>().types(Set.of("integer"));
    }
}

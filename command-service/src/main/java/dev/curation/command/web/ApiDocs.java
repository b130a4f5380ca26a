package dev.curation.command.web;

import dev.curation.core.edit.Edit;
import dev.curation.core.edit.EditSpec;
import dev.curation.service.ApiRefusals;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as clients need it: who may call what (a bearer token for writes, or on the
 * local stack HTTP Basic; the
 * operations token for operations), every refusal as RFC 9457 problem+json, and each edit op a
 * schema of its own under a {@code oneOf} discriminated by {@code op}, derived from
 * curation-core's {@link Edit} records so that the document cannot drift from the code.
 */
@Configuration
class ApiDocs {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String EDIT = "Edit";

    @Bean
    OpenAPI commandServiceApi(AccountProperties accounts) {
        Components components = new Components();
        if (accounts.httpBasic()) {
            components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                    .description("the local stack only: an account from configuration"));
        }
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("a token of the configured OIDC issuer "
                                + "(spring.security.oauth2.resourceserver.jwt.*): the account from its name claim, the global "
                                + "roles from its roles claim (curation.security.oidc)"));
        return new OpenAPI()
                .info(new Info().title("curation command service").version("0.1.0")
                        .description("Writes: imports, change sets, proposals and their review, reverts. "
                                + "Reads are served by the query service."))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(components);
    }

    @Bean
    OpenApiCustomizer securityRefusalsAndEdits(AccountProperties accounts) {
        return api -> {
            // here, not on the OpenAPI bean: springdoc replaces the bean's schemas with those it generates
            ApiRefusals.declare(api.getComponents());
            addEditSchemas(api.getComponents());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                // webhooks name their receivers: curators only, reads too
                boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                        || path.contains("/webhooks");
                String scheme = ApiRefusals.isOperations(path) ? ApiRefusals.OPERATIONS : write ? BEARER : null;
                // an account signs in with a bearer token, or on the local stack with Basic: either will do
                operation.setSecurity(scheme == null ? List.of() : BEARER.equals(scheme) && accounts.httpBasic()
                        ? List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(BASIC))
                        : List.of(new SecurityRequirement().addList(scheme)));
                ApiRefusals.describe(path, operation);
                if (BEARER.equals(scheme)) {
                    ApiRefusals.add(operation.getResponses(), "401", "not signed in, or wrong credentials");
                    ApiRefusals.add(operation.getResponses(), "403", "signed in without the role this needs");
                    ApiRefusals.add(operation.getResponses(), "429",
                            "too many failed sign-ins from this address or for this account; retry after Retry-After");
                }
                if (operation.getRequestBody() != null) {
                    ApiRefusals.add(operation.getResponses(), "413", "the body is larger than the configured limit");
                    ApiRefusals.add(operation.getResponses(), "415", "the body's content type is not accepted here");
                }
            }));
        };
    }

    /**
     * One schema per edit op from curation-core's {@link Edit} records: the op's name, its
     * components as fields, required unless {@link Nullable} (or a boolean, false when absent).
     */
    private static void addEditSchemas(Components components) {
        Discriminator discriminator = new Discriminator().propertyName("op");
        Schema<Object> edit = new Schema<>();
        edit.setDescription("one edit of a change set, chosen by op");
        for (Class<?> type : Edit.class.getPermittedSubclasses()) {
            String op = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
            Schema<?> schema = ApiRefusals.object().addProperty("op", ApiRefusals.string()._enum(List.of(op))).addRequiredItem("op");
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
        // a proposal may instead hold one revert: the versions it undoes when approved
        Schema<?> revert = ApiRefusals.object().addProperty("op", ApiRefusals.string()._enum(List.of(EditSpec.REVERT)))
                .addProperty("version", ApiRefusals.integer().format("int64").minimum(java.math.BigDecimal.valueOf(2)))
                .addProperty("throughVersion", ApiRefusals.integer().format("int64").minimum(java.math.BigDecimal.valueOf(2)))
                .addRequiredItem("op").addRequiredItem("version")
                .description("proposals only, as their only edit: undo version (to throughVersion) when approved");
        components.addSchemas("Revert", revert);
        edit.addOneOfItem(new Schema<>().$ref("#/components/schemas/Revert"));
        discriminator.mapping(EditSpec.REVERT, "#/components/schemas/Revert");
        edit.setDiscriminator(discriminator);
        components.addSchemas(EDIT, edit);
        // change sets and proposals hold these edits, not the flat EditSpec the service parses them into
        var schemas = components.getSchemas();
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
            return ApiRefusals.string();
        }
        if (type == Integer.class || type == int.class) {
            return ApiRefusals.integer().minimum(java.math.BigDecimal.ZERO);
        }
        if (type == Boolean.class || type == boolean.class) {
            return ApiRefusals.typed("boolean");
        }
        throw new IllegalStateException("no schema for " + type + " of " + component);
    }
}

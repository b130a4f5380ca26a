package dev.curation.command.web;

import dev.curation.core.edit.Edit;
import dev.curation.service.ApiRefusals;
import dev.curation.service.EditSchemas;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as clients need it: who may call what (a bearer token for writes, or on the
 * local stack HTTP Basic; the
 * operations token for operations), every refusal as RFC 9457 problem+json, and each edit op a
 * schema of its own under a {@code oneOf} discriminated by {@code op} ({@link EditSchemas}, from
 * curation-core's {@link Edit} records).
 */
@Configuration
class ApiDocs {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

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
            EditSchemas.declare(api.getComponents());
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
}

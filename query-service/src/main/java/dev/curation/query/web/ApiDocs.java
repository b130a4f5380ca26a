package dev.curation.query.web;

import dev.curation.service.ApiRefusals;
import dev.curation.service.EditSchemas;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as clients need it: reads are open (declared so), operations need the
 * operations token, every refusal is RFC 9457 problem+json, and an edit has its op's own schema.
 * Beside it, open too, the AsyncAPI document of the events ({@code /asyncapi.yaml}, docs/asyncapi.yaml
 * copied into the static resources at build time).
 */
@Configuration
class ApiDocs {

    /** The list endpoints answered in pages ({@link Paging}). */
    private static final Set<String> PAGED = Set.of("/api/lists/{slug}/links", "/api/lists/{slug}/proposals", "/api/search");

    @Bean
    OpenAPI queryServiceApi() {
        return new OpenAPI()
                .info(new Info().title("curation query service").version("0.1.0")
                        .description("Reads, all open: lists, Markdown at any version, history, diffs, blame, "
                                + "proposals, search; and the operations on quarantined lists."))
                .servers(List.of(new Server().url("/").description("this service")));
    }

    /** The servlet container knows no YAML: without this the AsyncAPI document would be application/octet-stream. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> yamlDocuments() {
        return factory -> factory.addMimeMappings(new MimeMappings(Map.of("yaml", "application/yaml")));
    }

    @Bean
    OpenApiCustomizer securityAndRefusals() {
        return api -> {
            // here, not on the OpenAPI bean: springdoc replaces the bean's schemas with those it generates
            ApiRefusals.declare(api.getComponents());
            // proposals show their edits each in its op's shape (EditShapeJson)
            EditSchemas.declare(api.getComponents());
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                operation.setSecurity(ApiRefusals.isOperations(path)
                        ? List.of(new SecurityRequirement().addList(ApiRefusals.OPERATIONS)) : List.of());
                ApiRefusals.describe(path, operation);
                ApiResponse ok = operation.getResponses().get("200");
                if (ok != null && ok.getContent() != null && !ok.getContent().containsKey("*/*")) {
                    ApiRefusals.add(operation.getResponses(), "406", "none of the media types in Accept can be served here");
                }
                if (ok != null && PAGED.contains(path)) {
                    ok.addHeaderObject("Link", new Header().schema(ApiRefusals.string())
                            .description("<the next page>; rel=\"next\", while more items follow (as the body's next)"));
                }
                if (path.endsWith("/stream") || path.equals("/api/streams/changes")) {
                    ApiRefusals.add(operation.getResponses(), "429", "this client address holds as many change streams as "
                            + "one address may (curation.streams.max-open-per-address): close one, or retry after Retry-After");
                }
            }));
        };
    }
}

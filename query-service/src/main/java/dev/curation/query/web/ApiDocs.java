package dev.curation.query.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as clients need it: reads are open (declared so), operations need the
 * operations token, and every refusal is RFC 9457 problem+json.
 */
@Configuration
class ApiDocs {

    static final String OPERATIONS = "operationsToken";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI queryServiceApi() {
        return new OpenAPI()
                .info(new Info().title("curation query service").version("0.1.0")
                        .description("Reads, all open: lists, Markdown at any version, history, diffs, blame, "
                                + "proposals, search; and the operations on quarantined lists."))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(new Components()
                        .addSecuritySchemes(OPERATIONS, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("curation.operations.token; when none is set, only loopback requests")));
    }

    @Bean
    OpenApiCustomizer securityAndProblems() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, new Schema<>().types(Set.of("object")).description("RFC 9457 problem details")
                    .addProperty("type", string().description("urn:curation:problem:<kind>"))
                    .addProperty("title", string())
                    .addProperty("status", new Schema<Number>().types(Set.of("integer")))
                    .addProperty("detail", string().description("what is wrong, naming the parameter"))
                    .addProperty("instance", string().description("the request's path"))
                    .additionalProperties(true));
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> describe(path, operation)));
        };
    }

    private static void describe(String path, Operation operation) {
        boolean operations = path.startsWith("/api/operations/");
        operation.setSecurity(operations ? List.of(new SecurityRequirement().addList(OPERATIONS)) : List.of());
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
        }
        if (path.contains("{slug}") || path.contains("{list}")) {
            refusal(responses, "404", "no such list (or version, or item, as the detail says)");
        }
        ApiResponse ok = responses.get("200");
        if (ok != null && ok.getContent() != null && !ok.getContent().containsKey("*/*")) {
            refusal(responses, "406", "none of the media types in Accept can be served here");
        }
        refusal(responses, "503", "PostgreSQL is unreachable: retry after Retry-After");
    }

    private static void refusal(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<String> string() {
        return new Schema<String>().types(Set.of("string"));
    }
}

package dev.curation.service;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Set;

/**
 * What both services' OpenAPI documents say the same way: refusals are RFC 9457 problem+json
 * (a {@code Problem} schema), operations need the operations token, and the answers every
 * operation can give whatever it does (a refused parameter, an unknown list, the database gone).
 */
public final class ApiRefusals {

    public static final String PROBLEM = "Problem";
    public static final String OPERATIONS = "operationsToken";
    private static final String PROBLEM_JSON = "application/problem+json";

    private ApiRefusals() {
    }

    /** Adds the {@code Problem} schema and the operations token's security scheme. */
    public static void declare(Components components) {
        components.addSchemas(PROBLEM, object().description("RFC 9457 problem details")
                .addProperty("type", string().description("urn:curation:problem:<kind>, e.g. urn:curation:problem:clash"))
                .addProperty("title", string())
                .addProperty("status", integer())
                .addProperty("detail", string().description("what is wrong, naming the field or parameter"))
                .addProperty("instance", string().description("the request's path"))
                .addProperty("field", string().description("the JSON path or parameter refused, when one was"))
                .addProperty("outcome", string().description("after a database failure: nothing-stored or unknown"))
                .addProperty("currentVersion", integer().description("the list's version, when a version was refused"))
                .addProperty("items", new ArraySchema().items(string()).description("the items a clash is about"))
                .additionalProperties(true));
        components.addSecuritySchemes(OPERATIONS, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("curation.operations.token, or a token (JWT) of the configured OIDC issuer for an account "
                        + "with the global role OPERATOR; when no operations token is set, loopback requests too"));
    }

    /**
     * Marks every 4xx and 5xx answer the operation declares as problem+json and adds those any
     * operation of this kind can give: 400 when it takes parameters or a body, 401 and 403 for
     * operations, 404 under a list's path, 503 when PostgreSQL is unreachable.
     */
    public static void describe(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        if ((operation.getParameters() != null && !operation.getParameters().isEmpty()) || operation.getRequestBody() != null) {
            add(responses, "400", "a parameter or the body is not acceptable; the detail names which and why");
        }
        if (isOperations(path)) {
            add(responses, "401", "the operations token is missing or wrong");
            add(responses, "403", "no operations token is configured and the request is not from loopback (or a proxy "
                    + "forwarded it), the account lacks the role OPERATOR, or a page of another site sent it");
        }
        if (path.contains("{slug}") || path.contains("{list}")) {
            add(responses, "404", "no such list (or version, or item, as the detail says)");
        }
        add(responses, "503", "PostgreSQL is unreachable: retry after Retry-After; a write's detail says whether "
                + "nothing was stored or the outcome is unknown (retry with the same Idempotency-Key)");
    }

    public static boolean isOperations(String path) {
        return path.startsWith("/api/operations/");
    }

    /** Adds a refusal unless the operation already describes that status. */
    public static void add(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    public static Schema<Object> object() {
        return typed("object");
    }

    public static Schema<String> string() {
        return typed("string");
    }

    public static Schema<Number> integer() {
        return typed("integer");
    }

    /** A schema of one JSON type, as OpenAPI 3.1 writes it ({@code type} from {@code types}). */
    public static <T> Schema<T> typed(String type) {
        Schema<T> schema = new Schema<>();
        schema.setTypes(Set.of(type));
        return schema;
    }
}

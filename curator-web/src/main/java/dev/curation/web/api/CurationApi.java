package dev.curation.web.api;

import dev.curation.web.WebProperties;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' APIs. Reads go to the query service as the visitor (anonymously: every read is
 * public); writes go to the command service with the signed-in person's access token, which the
 * authorized client manager refreshes when it has expired. Every write carries an Idempotency-Key,
 * so a retried form post never applies twice.
 */
@Component
public class CurationApi {

    private final RestClient query;
    private final RestClient command;
    private final RestClient commandReads;
    private final JsonMapper json;

    CurationApi(RestClient.Builder builder, WebProperties properties, OAuth2AuthorizedClientManager clients, JsonMapper json) {
        this.json = json;
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.apiTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.apiTimeout());
        this.query = builder.clone().baseUrl(properties.queryUrl().toString()).requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, this::refuse).build();
        this.commandReads = builder.clone().baseUrl(properties.commandUrl().toString()).requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, this::refuse).build();
        OAuth2ClientHttpRequestInterceptor token = new OAuth2ClientHttpRequestInterceptor(clients);
        token.setClientRegistrationIdResolver(request -> "curation");
        this.command = builder.clone().baseUrl(properties.commandUrl().toString()).requestFactory(requests)
                .requestInterceptor(token)
                .defaultStatusHandler(HttpStatusCode::isError, this::refuse).build();
    }

    /** A read of the query service, e.g. {@code read("/api/lists/{slug}", ListView.class, slug)}. */
    public <T> T read(String path, Class<T> type, Object... variables) {
        T body = answered(() -> query.get().uri(path, variables).accept(MediaType.APPLICATION_JSON).retrieve().body(type));
        if (body == null) {
            throw new ApiRefusal(503, null, "The service answered without a body.");
        }
        return body;
    }

    /**
     * Waits (briefly) until the query service has what the command service just accepted, e.g. a
     * new proposal: the page shown next reads it, and the query side follows a moment behind.
     * Answers whether it was there within {@code wait}; a page is shown either way.
     */
    public boolean awaitReadable(Duration wait, String path, Object... variables) {
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                readJson(path, variables);
                return true;
            } catch (ApiRefusal notYet) {
                if (!notYet.notFound() || System.nanoTime() > until) {
                    return false;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** A read as JSON, for answers a page only picks a few fields from. */
    public JsonNode readJson(String path, Object... variables) {
        return read(path, JsonNode.class, variables);
    }

    /**
     * A public read of the command service, anonymously (a git import's progress, which only the
     * command service knows while it runs), e.g. {@code readCommand("/api/lists/{slug}/git/import", slug)}.
     */
    public JsonNode readCommand(String path, Object... variables) {
        JsonNode body = answered(() -> commandReads.get().uri(path, variables).accept(MediaType.APPLICATION_JSON)
                .retrieve().body(JsonNode.class));
        if (body == null) {
            throw new ApiRefusal(503, null, "The service answered without a body.");
        }
        return body;
    }

    /** A read of text (Markdown, a unified diff). */
    public String readText(String path, MediaType accept, Object... variables) {
        String text = answered(() -> query.get().uri(path, variables).accept(accept).retrieve().body(String.class));
        return text == null ? "" : text;
    }

    /** A write as the signed-in person; the answer's body as {@code type} (JsonNode for any). */
    public <T> @Nullable T write(HttpMethod method, String path, @Nullable Object body, Class<T> type,
                                 Object... variables) {
        return write(method, path, body, Map.of(), type, variables);
    }

    /** A write with extra headers (If-Match). */
    public <T> @Nullable T write(HttpMethod method, String path, @Nullable Object body, Map<String, String> headers,
                                 Class<T> type, Object... variables) {
        return answered(() -> {
            RestClient.RequestBodySpec request = command.method(method).uri(path, variables)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString());
            headers.forEach(request::header);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return request.retrieve().body(type);
        });
    }

    private <T> @Nullable T answered(Call<T> call) {
        try {
            return call.run();
        } catch (ResourceAccessException away) {
            throw new ApiRefusal(503, "Service unavailable", "The service did not answer; try again in a moment.");
        }
    }

    private void refuse(HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String title = null;
        String detail = null;
        JsonNode problem = null;
        MediaType type = response.getHeaders().getContentType();
        if (type != null && type.getSubtype().endsWith("json")) {
            try {
                problem = json.readTree(response.getBody());
                title = text(problem, "title");
                detail = text(problem, "detail");
            } catch (RuntimeException unreadable) {
                // the status alone then
            }
        }
        if (detail == null) {
            detail = title != null ? title : "The service answered " + status + ".";
        }
        if (status == 401) {
            detail = "Your sign-in has expired; please sign in again.";
        }
        throw new ApiRefusal(status >= 500 ? 503 : status, title, detail, problem != null && problem.isObject() ? problem : null);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    @FunctionalInterface
    private interface Call<T> {
        @Nullable T run();
    }
}

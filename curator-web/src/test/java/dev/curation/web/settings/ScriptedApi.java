package dev.curation.web.settings;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Both services as a test needs them: answers scripted per method and path (the query ignored
 * unless a script names it), every request kept, so a page test runs in the build with no stack.
 */
public final class ScriptedApi implements AutoCloseable {

    /** One request as the services saw it. */
    public record Seen(String method, String uri, String body, String authorization) {
    }

    private record Answer(int status, String type, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public ScriptedApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (with its query, or without to match any) with JSON. */
    public ScriptedApi json(String method, String path, String body) {
        return answer(method, path, 200, "application/json", body);
    }

    /** Answers {@code method path} with a problem (RFC 9457) saying {@code detail}. */
    public ScriptedApi problem(String method, String path, int status, String detail) {
        String body = "{\"type\":\"urn:curation:problem:test\",\"title\":\"Refused\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}";
        return answer(method, path, status, "application/problem+json", body);
    }

    public ScriptedApi answer(String method, String path, int status, String type, String body) {
        answers.put(method + " " + path, new Answer(status, type, body));
        return this;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public void reset() {
        answers.clear();
        seen.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String uri = exchange.getRequestURI().toString();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        seen.add(new Seen(method, uri, body, authorization == null ? "" : authorization));
        Answer answer = answers.get(method + " " + uri);
        if (answer == null) {
            answer = answers.get(method + " " + exchange.getRequestURI().getRawPath());
        }
        if (answer == null) {
            answer = new Answer(404, "application/problem+json",
                    "{\"title\":\"Not found\",\"status\":404,\"detail\":\"not scripted: " + method + " " + uri + "\"}");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.type());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

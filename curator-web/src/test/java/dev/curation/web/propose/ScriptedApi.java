package dev.curation.web.propose;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The query and command services as a page test needs them: fixed JSON answers by method and
 * path, and a record of the bodies written. A write whose body contains {@code javascript:} is
 * refused as the command service refuses it.
 */
final class ScriptedApi implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<String> written = new CopyOnWriteArrayList<>();

    ScriptedApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException cannot) {
            throw new UncheckedIOException(cannot);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void on(String method, String path, int status, String body) {
        answers.put(method + " " + path, new Answer(status, body));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer = answers.getOrDefault(method + " " + exchange.getRequestURI().getPath(),
                new Answer(404, "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"no such thing\"}"));
        if (!method.equals("GET")) {
            written.add(body);
            if (body.contains("javascript:")) {
                answer = new Answer(400, """
                        {"type":"urn:curation:problem:invalid-edit","title":"Invalid edit","status":400,
                         "detail":"edits[0].url: scheme must be http, https or mailto, not 'javascript'",
                         "field":"edits[0].url"}""");
            } else if (body.contains("far too long")) {
                // the field named only in the problem's field member, not in its words
                answer = new Answer(400, """
                        {"type":"urn:curation:problem:invalid-input","title":"Invalid input","status":400,
                         "detail":"must be at most 2000 characters","field":"edits[0].description"}""");
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                answer.status() >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

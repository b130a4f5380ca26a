package dev.curation.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads server-sent events the way a browser's EventSource does, then hangs up. */
record SseClient(HttpClient http, JsonMapper json, int port) {

    /** One server-sent event as a client reads it. */
    record Sse(String id, String name, JsonNode data) {
    }

    /** Reads {@code count} events from {@code path} (with {@code Last-Event-ID} if given), then hangs up. */
    List<Sse> read(String path, String lastEventId, int count) throws Exception {
        return read(path, lastEventId, events -> events.size() >= count);
    }

    /**
     * Reads events until {@code done} says so (30 s at most), then hangs up: on a connection of its
     * own, shut down afterwards. A stream's body never ends, and closing it may leave the HTTP/1.1
     * connection open (the server then keeps the stream and its slot: 16 per address, and the tests
     * all read from 127.0.0.1); a client shut down closes it, and the server finds it gone at its
     * next heartbeat.
     */
    List<Sse> read(String path, String lastEventId, Predicate<List<Sse>> done) throws Exception {
        HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            return read(own, path, lastEventId, done);
        } finally {
            own.shutdownNow();
        }
    }

    private List<Sse> read(HttpClient client, String path, String lastEventId, Predicate<List<Sse>> done) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<Sse> events = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                String line;
                while (!done.test(events) && (line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Sse(id, name, json.readTree(data.toString())));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reading.get(30, TimeUnit.SECONDS);
        return events;
    }
}

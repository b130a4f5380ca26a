package dev.curation.web.review;

import dev.curation.web.WebProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Relays a list's change stream ({@code GET /api/lists/{slug}/stream} of the query service) to the
 * browsers looking at its review queue. One upstream connection per list, whoever many browsers
 * watch it (the query service allows few streams per client address, and this app is one
 * address); it opens with the first browser and closes when the last one leaves. Each upstream
 * event becomes {@code event: changed} to every browser, which then re-fetches its queue.
 *
 * <p>The upstream starts from now ({@code ?after=now}: the query service names the position it
 * starts from, and replays nothing); a browser is sent one {@code changed} when it connects, which
 * covers anything between its page and its connection. After the upstream ends (the query service
 * ends streams after a while), it resumes after the last id it saw.
 */
@Component
class ListStreams {

    private static final Logger LOG = LoggerFactory.getLogger(ListStreams.class);
    private static final Duration RETRY = Duration.ofSeconds(3);
    private static final Duration HEARTBEAT = Duration.ofSeconds(25);

    static final int MAX_PER_CLIENT = 4;
    static final int MAX_BROWSERS = 500;

    private final Map<String, Upstream> upstreams = new ConcurrentHashMap<>();
    private final Map<SseEmitter, String> clients = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final URI query;
    private final Thread heartbeat;

    ListStreams(WebProperties properties) {
        this.http = HttpClient.newBuilder().connectTimeout(properties.apiTimeout()).build();
        this.query = properties.queryUrl();
        // a browser that left is only noticed when something is sent to it
        this.heartbeat = Thread.ofVirtual().name("review-stream-heartbeat").start(this::beat);
    }

    /**
     * Adds {@code browser} to the watchers of {@code slug}'s queue, opening the upstream if needed;
     * false (and nothing added) when {@code client} (a session, else an address) watches as many
     * queues as one may, or this app relays as many as it will.
     */
    synchronized boolean watch(String client, String slug, SseEmitter browser) {
        if (clients.size() >= MAX_BROWSERS || clients.values().stream().filter(client::equals).count() >= MAX_PER_CLIENT) {
            return false;
        }
        clients.put(browser, client);
        Upstream upstream = upstreams.compute(slug, (key, open) -> {
            Upstream live = open != null && !open.closed ? open : new Upstream(key);
            live.browsers.add(browser);
            return live;
        });
        Runnable leave = () -> leave(slug, upstream, browser);
        browser.onCompletion(leave);
        browser.onTimeout(leave);
        browser.onError(error -> leave.run());
        send(upstream, browser, SseEmitter.event().name("changed").data("connected"));
        return true;
    }

    /** How many browsers watch. */
    int watching() {
        return clients.size();
    }

    private void leave(String slug, Upstream upstream, SseEmitter browser) {
        clients.remove(browser);
        upstream.browsers.remove(browser);
        upstreams.computeIfPresent(slug, (key, open) -> {
            if (open == upstream && open.browsers.isEmpty()) {
                open.close();
                return null;
            }
            return open;
        });
    }

    private void send(Upstream upstream, SseEmitter browser, SseEmitter.SseEventBuilder event) {
        try {
            browser.send(event);
        } catch (IOException | IllegalStateException gone) {
            upstream.browsers.remove(browser);
            browser.completeWithError(gone);
        }
    }

    private void beat() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(HEARTBEAT);
            } catch (InterruptedException stop) {
                return;
            }
            upstreams.values().forEach(upstream -> upstream.browsers.forEach(
                    browser -> send(upstream, browser, SseEmitter.event().comment("heartbeat"))));
        }
    }

    @PreDestroy
    void close() {
        heartbeat.interrupt();
        upstreams.values().forEach(Upstream::close);
        upstreams.clear();
    }

    /** One list's upstream connection and its browsers. */
    private final class Upstream {

        final Set<SseEmitter> browsers = new CopyOnWriteArraySet<>();
        private final String slug;
        private final Thread reader;
        private volatile boolean closed;
        private volatile @Nullable Stream<String> lines;
        private @Nullable String lastId;

        Upstream(String slug) {
            this.slug = slug;
            this.reader = Thread.ofVirtual().name("review-stream-" + slug).start(this::run);
        }

        private void run() {
            while (!closed) {
                try {
                    read();
                } catch (IOException | UncheckedIOException broken) {
                    LOG.debug("the change stream of {} broke; resuming", slug, broken);
                } catch (InterruptedException stop) {
                    return;
                }
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }

        private void read() throws IOException, InterruptedException {
            // from now on at first (the stream's opening names the position), then after the last event seen
            String after = "?after=" + (lastId == null ? "now" : URLEncoder.encode(lastId, StandardCharsets.UTF_8));
            URI uri = query.resolve("/api/lists/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "/stream" + after);
            HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> body = response.body()) {
                if (response.statusCode() != 200) {
                    LOG.debug("the change stream of {} answered {}", slug, response.statusCode());
                    return;
                }
                lines = body;
                if (closed) {
                    return;
                }
                Iterator<String> each = body.iterator();
                String id = null;
                String data = null;
                while (each.hasNext() && !closed) {
                    String line = each.next();
                    if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data = line.substring(5).strip();
                    } else if (line.isEmpty() && id != null) {
                        event(id, data);
                        id = null;
                        data = null;
                    }
                }
            }
        }

        private void event(String id, @Nullable String data) {
            lastId = id;
            if (data == null) {
                // the opening of a stream from now: only its position, nothing changed
                return;
            }
            browsers.forEach(browser -> send(this, browser, SseEmitter.event().id(id).name("changed").data(id)));
        }

        void close() {
            closed = true;
            Stream<String> open = lines;
            if (open != null) {
                open.close();
            }
            reader.interrupt();
            browsers.forEach(SseEmitter::complete);
            browsers.clear();
        }
    }
}

package dev.curation.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web site scripted per test, so link checks never reach the internet: each path answers with
 * the replies it was given in turn (the last one repeats), a status, a redirect, a slow answer or
 * a flapping sequence. It records every request (method, path, host) and, per host, the most
 * requests it had at once and the shortest time between two starts, to check politeness.
 */
public final class ScriptedSite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, List<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Seen> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, HostLoad> load = new ConcurrentHashMap<>();

    private ScriptedSite(HttpServer server) {
        this.server = server;
    }

    /** Starts on {@code address} (e.g. 127.0.0.1; any 127.x.y.z is another host on Linux) and a free port. */
    public static ScriptedSite start(String address) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 512);
            ScriptedSite site = new ScriptedSite(server);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", site::handle);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Reply(int status, Duration delay, Map<String, String> headers, String body) {
        public static Reply status(int status) {
            return new Reply(status, Duration.ZERO, Map.of(), "status " + status + "\n");
        }

        public static Reply redirect(int status, String location) {
            return new Reply(status, Duration.ZERO, Map.of("Location", location), "");
        }

        public static Reply slow(Duration delay, int status) {
            return new Reply(status, delay, Map.of(), "status " + status + "\n");
        }

        public static Reply json(String body) {
            return new Reply(200, Duration.ZERO, Map.of("Content-Type", "application/json"), body);
        }
    }

    /** A request as the site saw it. */
    public record Seen(String method, String path, String host, String userAgent) {
    }

    /** {@code path} answers with these replies in turn, then keeps giving the last. */
    public ScriptedSite script(String path, Reply... replies) {
        scripts.put(path, List.of(replies));
        hits.remove(path);
        return this;
    }

    public String url(String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    public List<Seen> requests() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** The most requests one host ({@code Host} header) had at the same time. */
    public int maxConcurrent(String host) {
        HostLoad hostLoad = load.get(host);
        return hostLoad == null ? 0 : hostLoad.max.get();
    }

    /** The shortest time between the starts of two requests to one host, in nanoseconds. */
    public long minGapNanos(String host) {
        HostLoad hostLoad = load.get(host);
        return hostLoad == null ? Long.MAX_VALUE : hostLoad.minGap();
    }

    /** The time from the first to the last start of a request to one host, in nanoseconds. */
    public long spanNanos(String host) {
        HostLoad hostLoad = load.get(host);
        return hostLoad == null ? 0 : hostLoad.span();
    }

    public Map<String, Integer> hosts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        load.forEach((host, l) -> counts.put(host, l.count.get()));
        return counts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String host = String.valueOf(exchange.getRequestHeaders().getFirst("Host"));
        seen.add(new Seen(exchange.getRequestMethod(), path, host,
                String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"))));
        HostLoad hostLoad = load.computeIfAbsent(host, h -> new HostLoad());
        hostLoad.enter();
        try {
            int n = hits.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
            List<Reply> script = scripts.getOrDefault(path, List.of(Reply.status(404)));
            Reply reply = script.get(Math.min(n, script.size() - 1));
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay());
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), head || body.length == 0 ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a timeout): nothing to answer
        } finally {
            hostLoad.leave();
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class HostLoad {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger max = new AtomicInteger();
        final AtomicInteger count = new AtomicInteger();
        private long firstStart = Long.MIN_VALUE;
        private long lastStart = Long.MIN_VALUE;
        private long minGap = Long.MAX_VALUE;

        void enter() {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
            count.incrementAndGet();
            synchronized (this) {
                long start = System.nanoTime();
                if (lastStart != Long.MIN_VALUE) {
                    minGap = Math.min(minGap, start - lastStart);
                } else {
                    firstStart = start;
                }
                lastStart = start;
            }
        }

        void leave() {
            now.decrementAndGet();
        }

        synchronized long span() {
            return lastStart - firstStart;
        }

        synchronized long minGap() {
            return minGap;
        }
    }
}

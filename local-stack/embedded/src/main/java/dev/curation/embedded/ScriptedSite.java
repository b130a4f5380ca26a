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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web site scripted per test, so link checks never reach the internet: each path answers with
 * the replies it was given in turn (the last one repeats), a status, a redirect, a slow answer or
 * a flapping sequence, or an answer whose body never ends. It records every request (method,
 * path, host) and, per host, the most requests it had at once and the shortest time between two
 * starts, to check politeness; and how many never-ending answers their client hung up on.
 */
public final class ScriptedSite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, List<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, HostLoad> load = new ConcurrentHashMap<>();
    private final HostLoad total = new HostLoad();
    private final AtomicInteger abandoned = new AtomicInteger();

    private ScriptedSite(HttpServer server) {
        this.server = server;
    }

    /** Starts on {@code address} (e.g. 127.0.0.1; any 127.x.y.z is another host on Linux) and a free port. */
    public static ScriptedSite start(String address) {
        return start(address, 0);
    }

    /** Starts on {@code address} and {@code port}: two sites on one port and two addresses stand for one name's two answers. */
    public static ScriptedSite start(String address, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 512);
            ScriptedSite site = new ScriptedSite(server);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", site::handle);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An answer: after {@code delay}, the status, headers and body; or, when {@code chunkBytes} is
     * more than 0, the status and headers and then a body that never ends, {@code chunkBytes} at a
     * time every {@code every}, until the client hangs up.
     */
    public record Reply(int status, Duration delay, Map<String, String> headers, String body, int chunkBytes,
                        Duration every) {
        public Reply(int status, Duration delay, Map<String, String> headers, String body) {
            this(status, delay, headers, body, 0, Duration.ZERO);
        }

        /** Headers at once, then a byte of body every {@code every}, for ever: no read ever waits long, the body never ends. */
        public static Reply trickle(int status, Duration every) {
            return new Reply(status, Duration.ZERO, Map.of(), "", 1, every);
        }

        /** Headers at once, then a body as fast as the client reads, for ever. */
        public static Reply endless(int status) {
            return new Reply(status, Duration.ZERO, Map.of(), "", 8192, Duration.ZERO);
        }

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

    /** The most requests the site had at the same time, all hosts together. */
    public int maxConcurrent() {
        return total.max.get();
    }

    /** Requests being answered now, all hosts together. */
    public int open() {
        return total.now.get();
    }

    /** Never-ending answers whose client hung up (the exchange, its thread and socket, ended on the client's side). */
    public int abandoned() {
        return abandoned.get();
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
        Map<String, Integer> counts = new TreeMap<>();
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
        total.enter();
        boolean left = false;
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
            if (reply.chunkBytes() > 0 && !head) {
                endless(exchange, reply);
                return;
            }
            // counted as being answered until the answer goes out: a client that frees its limit once it has the
            // answer may start its next request before this thread gets back to the finally below
            left = true;
            hostLoad.leave();
            total.leave();
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
            if (!left) {
                hostLoad.leave();
                total.leave();
            }
            exchange.close();
        }
    }

    private void endless(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        exchange.sendResponseHeaders(reply.status(), 0); // chunked: the end would be an empty chunk, never sent
        OutputStream out = exchange.getResponseBody();
        byte[] chunk = new byte[reply.chunkBytes()];
        Arrays.fill(chunk, (byte) 'x');
        try {
            while (true) {
                out.write(chunk);
                out.flush();
                if (!reply.every().isZero()) {
                    Thread.sleep(reply.every());
                }
            }
        } catch (IOException e) {
            abandoned.incrementAndGet();
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

package dev.curation.links;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Checks one URL as lychee does: a HEAD request, and a GET when HEAD does not give an accepted
 * status (many servers answer HEAD with 403, 404 or 405); redirects followed by hand, so each hop
 * is recorded and its address checked, up to a limit and never in a loop; a deadline per request
 * for the whole exchange (connect, headers, at most {@link OutboundHttp#ANSWER_LIMIT} bytes of
 * body), sent to the address that was checked; and for what may pass (timeouts, connections
 * refused, 408, 429, 5xx) more attempts after an exponential backoff with jitter. Each request
 * waits for its turn at the server's address.
 */
public final class LinkProbe {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final LinkCheckSettings settings;
    private final OutboundHttp client;
    private final HostLimiter limiter;
    private final AddressGuard guard;

    public LinkProbe(LinkCheckSettings settings) {
        this(settings, new HostLimiter(settings.hostConcurrency(), settings.hostInterval()));
    }

    public LinkProbe(LinkCheckSettings settings, HostLimiter limiter) {
        this(settings, limiter, new AddressGuard(settings.allowPrivate()));
    }

    LinkProbe(LinkCheckSettings settings, HostLimiter limiter, AddressGuard guard) {
        this.settings = settings;
        this.limiter = limiter;
        this.guard = guard;
        this.client = new OutboundHttp(settings.timeout());
    }

    /** Checks {@code url}; never throws for what the URL or its server does. */
    public LinkCheck check(String url) throws InterruptedException {
        long started = System.nanoTime();
        if (settings.excluded(url)) {
            return LinkCheck.unchecked(url, LinkCheck.Outcome.EXCLUDED, "matches an exclusion");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return new LinkCheck(url, LinkCheck.Outcome.FAILED, null, null, List.of(), 0, 0, "not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return LinkCheck.unchecked(url, LinkCheck.Outcome.REFUSED, "only http and https links are checked, not '" + scheme + "'");
        }
        if (uri.getHost() == null) {
            return new LinkCheck(url, LinkCheck.Outcome.FAILED, null, null, List.of(), 0, 0, "the URL has no host");
        }
        Attempt attempt = follow(uri);
        int attempts = 1;
        while (attempt.retryable() && attempts <= settings.retries()) {
            backoff(attempts);
            attempts++;
            attempt = follow(uri);
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new LinkCheck(url, attempt.outcome(), attempt.status(), attempt.finalUrl(), attempt.hops(), attempts, elapsed,
                attempt.error());
    }

    private void backoff(int retry) throws InterruptedException {
        long base = settings.retryBackoff().toMillis() << Math.min(retry - 1, 10);
        long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
        Thread.sleep(base + jitter);
    }

    /** One pass: requests along the redirects until an answer that is not a redirect. */
    private Attempt follow(URI start) throws InterruptedException {
        List<LinkCheck.Hop> hops = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI current = start;
        seen.add(current);
        while (true) {
            String host = current.getHost();
            try {
                if (host == null) {
                    return Attempt.failed(hops, null, "a redirect led to " + current + ", which has no host", false);
                }
                // resolved once per hop; the requests go to the address checked here
                InetAddress address = guard.address(host, Deadline.in(settings.timeout()));
                Response response = request(current, address);
                int status = response.status();
                String location = response.location();
                if (REDIRECTS.contains(status) && location != null) {
                    URI next = next(current, location);
                    if (next == null) {
                        return Attempt.failed(hops, status, "a redirect's Location is not a URL: " + location, false);
                    }
                    hops.add(new LinkCheck.Hop(status, next.toString()));
                    if (!seen.add(next)) {
                        return Attempt.failed(hops, status, "redirect loop back to " + next, false);
                    }
                    if (hops.size() > settings.maxRedirects()) {
                        return Attempt.failed(hops, status, "more than " + settings.maxRedirects() + " redirects", false);
                    }
                    String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
                    if (!scheme.equals("http") && !scheme.equals("https")) {
                        return Attempt.failed(hops, status, "a redirect led to a '" + scheme + "' URL", false);
                    }
                    current = next;
                    continue;
                }
                if (settings.accepted().accepts(status)) {
                    return new Attempt(hops.isEmpty() ? LinkCheck.Outcome.OK : LinkCheck.Outcome.REDIRECTED, status,
                            current.toString(), hops, null, false);
                }
                boolean mayPass = status == 408 || status == 429 || status >= 500;
                return Attempt.failed(hops, status, "status " + status, mayPass);
            } catch (AddressGuard.Refused e) {
                return new Attempt(LinkCheck.Outcome.REFUSED, null, current.toString(), hops, e.reason(), false);
            } catch (Deadline.Passed e) {
                return Attempt.failed(hops, null, "no answer within " + settings.timeout().toMillis() + " ms", true);
            } catch (UnknownHostException e) {
                return Attempt.failed(hops, null, "unknown host " + host, true);
            } catch (ConnectException e) {
                return Attempt.failed(hops, null, "connection refused by " + host, true);
            } catch (IOException e) {
                return Attempt.failed(hops, null, "connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()), true);
            } catch (IllegalArgumentException e) {
                return Attempt.failed(hops, null, "cannot request " + current + ": " + e.getMessage(), false);
            } catch (RuntimeException e) {
                // whatever a URL makes the client throw is that URL's failure, recorded like any other
                return Attempt.failed(hops, null, "cannot check " + current + ": " + e, false);
            }
        }
    }

    /** HEAD, then GET if HEAD did not give an accepted status or a redirect. */
    private Response request(URI uri, InetAddress address) throws IOException, InterruptedException {
        try {
            Response head = send(uri, address, "HEAD");
            if (settings.accepted().accepts(head.status()) || (REDIRECTS.contains(head.status()) && head.location() != null)) {
                return head;
            }
        } catch (Deadline.Passed e) {
            throw e;
        } catch (IOException e) {
            // some servers drop HEAD requests; GET decides
        }
        return send(uri, address, "GET");
    }

    private record Response(int status, @Nullable String location) {
    }

    private Response send(URI uri, InetAddress address, String method) throws IOException, InterruptedException {
        OutboundHttp.Call call = new OutboundHttp.Call(method, uri, address,
                Map.of("User-Agent", settings.userAgent(), "Accept", "text/html,application/xhtml+xml,*/*;q=0.8"), null);
        HostLimiter.Turn turn = limiter.acquire(address);
        try {
            // the deadline starts with the turn: waiting for politeness is not the server's time
            OutboundHttp.Answer answer = client.exchange(call, Deadline.in(settings.timeout()));
            return new Response(answer.status(), answer.location());
        } finally {
            turn.close();
        }
    }

    private static @Nullable URI next(URI current, String location) {
        try {
            return current.resolve(new URI(location.strip())).normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private record Attempt(LinkCheck.Outcome outcome, @Nullable Integer status, @Nullable String finalUrl,
                           List<LinkCheck.Hop> hops, @Nullable String error, boolean retryable) {
        static Attempt failed(List<LinkCheck.Hop> hops, @Nullable Integer status, String error, boolean retryable) {
            return new Attempt(LinkCheck.Outcome.FAILED, status, null, hops, error, retryable);
        }
    }
}

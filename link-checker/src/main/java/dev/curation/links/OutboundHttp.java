package dev.curation.links;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Outbound HTTP as the checker and webhooks need it: to the address {@link AddressGuard} checked
 * (the client never resolves a name itself, yet Host and TLS use the name, so certificates are
 * verified against it), under one deadline for the whole exchange, reading at most
 * {@link #ANSWER_LIMIT} bytes of an answer's body. When the deadline passes the exchange is
 * cancelled, which closes its socket wherever it waits, and {@link Deadline.Passed} is thrown.
 * Connections are never reused: each exchange is one connection, closed at its end (no pool of
 * sockets to hosts an attacker picks, no body to drain).
 */
public final class OutboundHttp {

    /** The bytes of an answer's body that are read; the rest is never waited for. */
    public static final int ANSWER_LIMIT = 4096;

    /** One timer for every deadline; cancelled timers are removed at once, not when they would fire. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final CloseableHttpClient client;

    /** @param timeout a bound for a connect and for a single read as well, should a cancellation be late */
    public OutboundHttp(Duration timeout) {
        Timeout bound = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(NO_RESOLVING)
                        .setMaxConnTotal(10_000).setMaxConnPerRoute(10_000)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(bound).setSocketTimeout(bound)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(bound).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .disableContentCompression().disableConnectionState()
                .build();
    }

    /** A request to {@code uri}, sent to {@code address}, which the guard checked for {@code uri}'s host. */
    public record Call(String method, URI uri, InetAddress address, Map<String, String> headers, byte @Nullable [] body) {
    }

    /** The status, the Location header if any, and the first bytes of the body ({@code complete} if that is all of it). */
    public record Answer(int status, @Nullable String location, byte[] body, boolean complete) {
    }

    public Answer exchange(Call call, Deadline deadline) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
        call.headers().forEach(request::setHeader);
        if (call.body() != null) {
            request.setEntity(new ByteArrayEntity(call.body(), null));
        }
        String host = call.uri().getHost();
        if (host == null) {
            throw new IOException(call.uri() + " has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        HttpHost target = new HttpHost(call.uri().getScheme(), call.address(), host, call.uri().getPort());
        AtomicBoolean passed = new AtomicBoolean();
        ScheduledFuture<?> alarm = DEADLINES.schedule(() -> {
            passed.set(true);
            request.cancel();
        }, deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(target, request, null);
            byte[] body = new byte[0];
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                // not closed: closing reads the rest to keep the connection; the finally block cancels it instead
                InputStream in = entity.getContent();
                body = in.readNBytes(ANSWER_LIMIT);
            }
            Header location = response.getFirstHeader("Location");
            return new Answer(response.getCode(), location == null ? null : location.getValue(), body,
                    body.length < ANSWER_LIMIT);
        } catch (IOException | RuntimeException e) {
            if (passed.get()) {
                throw deadline.exceeded();
            }
            throw e;
        } finally {
            alarm.cancel(false);
            request.cancel();
            if (response instanceof ModalCloseable closeable) {
                closeable.close(CloseMode.IMMEDIATE); // what is left of it: the connection is gone already
            }
        }
    }

    /** The client gets addresses with each request; should it ever look a name up, it finds nothing. */
    private static final DnsResolver NO_RESOLVING = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException(host + ": requests go to an address the guard checked, never to a name");
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    };

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("outbound-deadlines").daemon().factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}

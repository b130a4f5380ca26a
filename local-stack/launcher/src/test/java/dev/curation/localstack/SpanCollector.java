package dev.curation.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP collector inside the test: the services export their spans to {@link #endpoint()}
 * (protobuf {@code ExportTraceServiceRequest}s on {@code POST /v1/traces}), and the test reads them.
 * Keeps only the spans of the traces it was told to watch: the rest of a stack's spans are not its business.
 */
final class SpanCollector implements AutoCloseable {

    /** A span as a test looks at it: ids in lower-case hex, the parent empty for a root. */
    record Collected(String service, String traceId, String spanId, String parentSpanId, String name, Span.SpanKind kind) {
    }

    private final HttpServer server;
    private final List<String> watched = new CopyOnWriteArrayList<>();
    private final List<Collected> spans = new CopyOnWriteArrayList<>();

    private SpanCollector(HttpServer server) {
        this.server = server;
    }

    static SpanCollector start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        SpanCollector collector = new SpanCollector(server);
        server.createContext("/v1/traces", collector::export);
        server.start();
        return collector;
    }

    /** What a service's {@code management.opentelemetry.tracing.export.otlp.endpoint} is set to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    void watch(String traceId) {
        watched.add(traceId);
    }

    List<Collected> spans(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue)
                        .map(AnyValue::getStringValue).findFirst().orElse("");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        String traceId = hex(span.getTraceId().toByteArray());
                        if (watched.contains(traceId)) {
                            spans.add(new Collected(service, traceId, hex(span.getSpanId().toByteArray()),
                                    hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind()));
                        }
                    }
                }
            }
            // an empty ExportTraceServiceResponse: everything accepted
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

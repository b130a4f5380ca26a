package dev.curation.command.web;

import dev.curation.command.list.TraceMetadata;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with the W3C {@code traceparent} of its server span (clients rely on it to
 * find their edit's trace and log lines). The span is Micrometer Tracing's HTTP server observation,
 * opened by the filter before this one, in the caller's trace when the request brought a {@code traceparent}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TraceparentHeader extends OncePerRequestFilter {

    private final Tracer tracer;
    private final Propagator propagator;

    TraceparentHeader(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Span span = tracer.currentSpan();
        String traceparent = span == null ? null : TraceMetadata.traceparent(propagator, span.context());
        if (traceparent != null) {
            response.setHeader("traceparent", traceparent);
        }
        chain.doFilter(request, response);
    }
}

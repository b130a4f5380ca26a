package dev.curation.command.web;

import dev.curation.command.list.EventMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * W3C trace context for every request: the trace id of an incoming {@code traceparent}, or a
 * new one. It is in the logs ({@code traceId} in the MDC), in the answer's {@code traceparent},
 * and, through the command's metadata, on every event the request causes, whose Kafka record
 * carries it to the query service's logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class TraceContextFilter extends OncePerRequestFilter {

    /** MDC key, the same as the command metadata key the command bus copies it to. */
    public static final String TRACE_ID = EventMetadata.TRACE_ID;
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("traceparent");
        Matcher incoming = header == null ? null : TRACEPARENT.matcher(header.strip());
        String traceId = incoming != null && incoming.matches() && !incoming.group(1).equals("0".repeat(32))
                ? incoming.group(1) : hex(16);
        response.setHeader("traceparent", "00-" + traceId + "-" + hex(8) + "-01");
        MDC.put(TRACE_ID, traceId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(TRACE_ID);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

package dev.curation.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over their limit before anything reads them: a Markdown import may be
 * {@code curation.import.max-size}, any other body {@code curation.web.max-json-body}. A declared
 * Content-Length over the limit is answered at once; a body without one (chunked) is read
 * through a counting stream that fails with {@link BodyTooLargeException} past the limit, which
 * every reader turns into the same 413. Runs first, so no filter (security, Idempotency-Key)
 * and no parser ever holds more than the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimitFilter extends OncePerRequestFilter {

    private static final String IMPORT_PATH = "/api/lists";
    private static final List<MediaType> MARKDOWN = List.of(MediaType.parseMediaType("text/markdown"),
            MediaType.TEXT_PLAIN, MediaType.parseMediaType("text/x-markdown"));
    // a list bundle (dev.curation.command.bundle), spooled to disk as it is read
    private static final MediaType BUNDLE = MediaType.parseMediaType("application/x-ndjson");

    private record Limit(long bytes, String property) {
    }

    private final Limit json;
    private final Limit markdown;
    private final Limit bundle;
    private final JsonMapper mapper;

    BodyLimitFilter(WebLimitProperties web, ImportProperties imports, JsonMapper mapper) {
        this.json = new Limit(web.maxJsonBody().toBytes(), "curation.web.max-json-body");
        this.markdown = new Limit(imports.maxSize().toBytes(), "curation.import.max-size");
        this.bundle = new Limit(imports.maxBundleSize().toBytes(), "curation.import.max-bundle-size");
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Limit limit = limitOf(request);
        if (request.getContentLengthLong() > limit.bytes()) {
            tooLarge(request, response, new BodyTooLargeException(limit.bytes(), limit.property()));
            return;
        }
        try {
            chain.doFilter(new BoundedRequest(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            // read past the limit outside Spring MVC (which answers it itself), e.g. by IdempotencyFilter
            BodyTooLargeException tooLarge = BodyTooLargeException.in(e).orElse(null);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            tooLarge(request, response, tooLarge);
        }
    }

    private Limit limitOf(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && (request.getContextPath() + IMPORT_PATH).equals(request.getRequestURI())) {
            if (isMarkdown(request.getContentType())) {
                return markdown;
            }
            if (is(BUNDLE, request.getContentType())) {
                return bundle;
            }
        }
        return json;
    }

    private static boolean isMarkdown(String contentType) {
        return MARKDOWN.stream().anyMatch(m -> is(m, contentType));
    }

    private static boolean is(MediaType expected, String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            return type != null && expected.equalsTypeAndSubtype(type);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, BodyTooLargeException e)
            throws IOException {
        ProblemDetail problem = e.problem();
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /** The request whose body fails with {@link BodyTooLargeException} once more than the limit was read. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {
        private final Limit limit;
        private ServletInputStream in;

        BoundedRequest(HttpServletRequest request, Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BoundedInputStream(super.getInputStream(), limit);
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class BoundedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final Limit limit;
        private long read;

        BoundedInputStream(ServletInputStream in, Limit limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit.bytes()) {
                throw new BodyTooLargeException(limit.bytes(), limit.property());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

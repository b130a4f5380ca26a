package dev.curation.command.web;

import dev.curation.service.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes POSTs safe to retry: the first request with an {@code Idempotency-Key} (per user) is
 * handled and its answer stored; the same key with the same request gets that answer again
 * ({@code Idempotency-Replayed: true}) and applies nothing; the same key with another request is
 * a 422. The key, the command's events and the answer commit in one transaction, so a crash at
 * any point leaves all or none of them: a retry after a crash either replays the stored answer or
 * applies the command for the first time. Server errors are not stored, so such a request can
 * be retried with its key. The body is held whole to hash and replay it; one
 * over 8 MB is a 413.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    /** The paths' ends of {@code POST /api/lists/{slug}/proposals/checks} and {@code .../reverts/checks}. */
    private static final String CHECKS = "/proposals/checks";
    private static final String REVERT_CHECKS = "/reverts/checks";
    private static final int MAX_KEY = 200;
    private static final int MAX_BODY = 8 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Duration ttl;

    IdempotencyFilter(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions,
                      IdempotencyProperties settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactions);
        this.ttl = settings.ttl();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || storesNothing(request);
    }

    /** A check of a change set or a revert stores nothing, so a key has nothing to guard and no answer is kept for it. */
    static boolean storesNothing(HttpServletRequest request) {
        return request.getRequestURI().endsWith(CHECKS) || request.getRequestURI().endsWith(REVERT_CHECKS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String key = request.getHeader(HEADER).strip();
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY) {
            problem(response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to " + MAX_KEY + " characters");
            return;
        }
        // the whole body or a refusal, never a prefix: what is hashed and handled must be what was sent
        // (BodyLimitFilter bounds bodies before this; a larger configured limit still stops at this buffer)
        if (request.getContentLengthLong() > MAX_BODY) {
            bodyTooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            bodyTooLarge(response);
            return;
        }
        String hash = hash(request, body);
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        Handled handled;
        try {
            handled = transactions.execute(tx -> handle(user.getName(), key, hash, request, body, chain, cached, tx));
        } catch (RuntimeException e) {
            // nothing of this request was committed, the command's events neither (the list cache
            // stores a list only when the transaction commits: ListCache)
            if (!response.isCommitted()) {
                response.reset();
            }
            throw e instanceof Failed failed ? failed.rethrow() : e;
        }
        if (handled == Handled.CLAIMED_ELSEWHERE) {
            replay(user.getName(), key, hash, response);
            return;
        }
        cached.copyBodyToResponse();
    }

    private enum Handled { STORED, ROLLED_BACK, CLAIMED_ELSEWHERE }

    /**
     * In one transaction, which the command joins (the request is marked {@link KeyedRequest}, and
     * Axon's unit of work takes part in the transaction bound to this thread): claim the key, handle the request, store its answer. A
     * crash anywhere before the commit leaves neither the key nor the command's events; after it,
     * both. A second request with the key waits on the claim's row until this one ends.
     */
    private Handled handle(String principal, String key, String hash, HttpServletRequest request, byte[] body,
                           FilterChain chain, ContentCachingResponseWrapper cached, TransactionStatus tx) {
        int claimed = jdbc.sql("""
                        INSERT INTO idempotency_record (principal, idempotency_key, request_hash) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(principal, key, hash).update();
        if (claimed == 0) {
            return Handled.CLAIMED_ELSEWHERE;
        }
        CachedBodyRequest handled = new CachedBodyRequest(request, body);
        // the command joins this transaction instead of a group commit: its events commit with the answer
        KeyedRequest.mark(handled);
        try {
            chain.doFilter(handled, cached);
        } catch (IOException | ServletException e) {
            throw new Failed(e);
        }
        if (cached.getStatus() >= 500 || tx.isRollbackOnly()) {
            // a failure (or a command whose unit of work rolled back): nothing stays, the key is free again
            tx.setRollbackOnly();
            return Handled.ROLLED_BACK;
        }
        jdbc.sql("""
                        UPDATE idempotency_record SET status = ?, content_type = ?, location = ?, etag = ?, body = ?
                        WHERE principal = ? AND idempotency_key = ?""")
                .params(cached.getStatus(), cached.getContentType(), cached.getHeader("Location"),
                        cached.getHeader("ETag"), storedBody(request, cached), principal, key)
                .update();
        return Handled.STORED;
    }

    /** The body to replay: the answer's, or what the handler asked to store instead ({@link ReplayedAnswer}). */
    private byte[] storedBody(HttpServletRequest request, ContentCachingResponseWrapper cached) {
        Object replayed = ReplayedAnswer.of(request);
        return replayed == null ? cached.getContentAsByteArray() : json.writeValueAsBytes(replayed);
    }

    /** A checked failure of the filter chain, carried through the transaction callback. */
    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(Exception cause) {
            super(cause);
        }

        RuntimeException rethrow() {
            return getCause() instanceof RuntimeException r ? r : new IllegalStateException(getCause());
        }
    }

    /** Forgets answers older than {@code curation.idempotency.ttl} (default a day): a key is for retries, not forever. */
    void expire() {
        int removed = jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ? AND status IS NOT NULL")
                .param(Timestamp.from(Instant.now().minus(ttl))).update();
        if (removed > 0) {
            LOG.info("forgot {} Idempotency-Key answers older than {}", removed, ttl);
        }
    }

    private void replay(String principal, String key, String hash, HttpServletResponse response) throws IOException {
        record Stored(String hash, Integer status, String contentType, String location, String etag, byte[] body) {
        }
        Optional<Stored> stored = jdbc.sql("""
                        SELECT request_hash, status, content_type, location, etag, body FROM idempotency_record
                        WHERE principal = ? AND idempotency_key = ?""")
                .params(principal, key)
                .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)))
                .optional();
        if (stored.isEmpty()) {
            problem(response, HttpStatus.CONFLICT, "idempotency-key-in-use",
                    "the first request with this Idempotency-Key failed and was released; send it again");
            return;
        }
        Stored record = stored.get();
        if (!record.hash().equals(hash)) {
            problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
            return;
        }
        if (record.status() == null) {
            problem(response, HttpStatus.CONFLICT, "idempotency-key-in-use",
                    "the first request with this Idempotency-Key is still being handled; retry shortly");
            return;
        }
        response.setStatus(record.status());
        response.setHeader("Idempotency-Replayed", "true");
        if (record.contentType() != null) {
            response.setContentType(record.contentType());
        }
        if (record.location() != null) {
            response.setHeader("Location", record.location());
        }
        if (record.etag() != null) {
            response.setHeader("ETag", record.etag());
        }
        if (record.body() != null) {
            response.getOutputStream().write(record.body());
        }
    }

    private void bodyTooLarge(HttpServletResponse response) throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                "a request with an Idempotency-Key may have at most " + MAX_BODY + " bytes of body");
        problem.setProperty("maxBytes", MAX_BODY);
        write(response, problem);
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        write(response, Problems.of(status, type, "Idempotency-Key", detail));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n"
                    + request.getContentType() + "\n" + request.getHeader("If-Match") + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read, readable again by the controller. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }
    }
}

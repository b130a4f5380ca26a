package dev.curation.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses every write a page on another site could make a browser send, before authentication,
 * on both services (the query service's only writes are its operations, which loopback may use
 * without credentials: a page could otherwise have a developer's browser start a rebuild):
 * <ul>
 * <li>a body of a type any page can send without asking first (a form, multipart, or
 * {@code text/plain}): 415, even on endpoints that take no body (an approval), and no form body is
 * ever parsed for parameters; a bodiless write may leave the type out;</li>
 * <li>a write a browser marks as coming from another site ({@code Sec-Fetch-Site: cross-site}), or
 * whose {@code Origin} is neither this service ({@link PublicBaseUrl#ownOrigins}) nor one of the
 * allowed origins: 403. A bodiless {@code fetch} in {@code no-cors} mode needs no preflight, so the
 * type alone does not stop it. API clients send neither header. The service's own origin comes
 * from configuration, not from {@code Host}: a page that rebinds its own name to 127.0.0.1 sends a
 * {@code Host} that matches its {@code Origin}.</li>
 * </ul>
 */
public final class CrossSiteWrites extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final List<MediaType> CROSS_SITE = List.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.parseMediaType("multipart/*"));

    private final BearerTokens.Refusal refusal;
    private final PublicBaseUrl self;
    private final Set<String> allowedOrigins;
    private final String accepted;

    /**
     * @param accepted the types this service's writes take, for the 415's detail, e.g.
     *                 {@code application/json (an import text/markdown)}
     */
    public CrossSiteWrites(BearerTokens.Refusal refusal, PublicBaseUrl self, Collection<String> allowedOrigins,
                           String accepted) {
        this.refusal = refusal;
        this.self = self;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.accepted = accepted;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if ("cross-site".equals(site)
                || origin != null && !self.ownOrigins().contains(origin) && !allowedOrigins.contains(origin)) {
            refusal.write(request, response, HttpStatus.FORBIDDEN, "cross-site-write", "Write from another site",
                    "a browser page from " + (origin == null ? "another site" : "origin " + echo(origin))
                            + " cannot write here; API clients send no Origin, and pages need their origin in "
                            + "curation.security.allowed-origins");
            return;
        }
        String contentType = request.getContentType();
        MediaType type = contentType == null ? null : parsed(contentType);
        if (type == null || CROSS_SITE.stream().noneMatch(cross -> cross.includes(type))) {
            chain.doFilter(request, response);
            return;
        }
        refusal.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported content type", "a write takes " + accepted + ", not " + type.getType() + "/"
                        + type.getSubtype() + ": a type any web page can send is never accepted");
    }

    private static String echo(String value) {
        String printable = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + (printable.length() <= 100 ? printable : printable.substring(0, 100) + "...") + "'";
    }

    private static @Nullable MediaType parsed(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

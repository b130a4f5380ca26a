package dev.curation.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses every write a page on another site could make a signed-in browser send, before
 * authentication:
 * <ul>
 * <li>a body of a type any page can send without asking first (a form, multipart, or
 * {@code text/plain}): 415, even on endpoints that take no body (an approval), and no form body is
 * ever parsed for parameters. Writes take {@code application/json}, an import {@code text/markdown};
 * a bodiless write may leave the type out;</li>
 * <li>a write a browser marks as coming from another site ({@code Sec-Fetch-Site: cross-site}), or
 * whose {@code Origin} is neither this service nor one of {@code curation.security.allowed-origins}:
 * 403. A bodiless {@code fetch} in {@code no-cors} mode needs no preflight, so the type alone does
 * not stop it. API clients send neither header.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CrossSiteWrites extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final List<MediaType> CROSS_SITE = List.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.parseMediaType("multipart/*"));

    private final JsonMapper mapper;
    private final Set<String> allowedOrigins;

    CrossSiteWrites(JsonMapper mapper, BrowserProperties browsers) {
        this.mapper = mapper;
        this.allowedOrigins = Set.copyOf(browsers.allowedOrigins());
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
        if ("cross-site".equals(site) || origin != null && !origin.equals(ownOrigin(request)) && !allowedOrigins.contains(origin)) {
            refuse(request, response, HttpStatus.FORBIDDEN, "cross-site-write", "Write from another site",
                    "a browser page from " + (origin == null ? "another site" : "origin " + echo(origin))
                            + " cannot write here; API clients send no Origin, and pages need their origin in "
                            + "curation.security.allowed-origins");
            return;
        }
        String contentType = request.getContentType();
        if (contentType == null || !crossSite(contentType)) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported content type",
                "a write takes application/json (an import text/markdown), not "
                        + MediaType.parseMediaType(contentType).getType() + "/" + MediaType.parseMediaType(contentType).getSubtype()
                        + ": a type any web page can send is never accepted");
    }

    private static String echo(String value) {
        String printable = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "'" + (printable.length() <= 100 ? printable : printable.substring(0, 100) + "...") + "'";
    }

    /** This service as a browser names it in {@code Origin}: scheme, host and port of the request. */
    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = port == 80 && "http".equals(request.getScheme()) || port == 443 && "https".equals(request.getScheme());
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String title,
                        String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    private static boolean crossSite(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return CROSS_SITE.stream().anyMatch(cross -> cross.includes(type));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

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
 * Refuses every write whose body is of a type a page on another site can send without asking
 * first (a form, multipart, or {@code text/plain}): 415 before authentication, so a signed-in
 * curator's browser cannot be made to approve, reject or edit by another site's form, even on
 * endpoints that take no body (an approval), and no form body is ever parsed for parameters.
 * Writes take {@code application/json}, an import {@code text/markdown}; a bodiless write may
 * leave the type out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CrossSiteWrites extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final List<MediaType> CROSS_SITE = List.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.parseMediaType("multipart/*"));

    private final JsonMapper mapper;

    CrossSiteWrites(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (READS.contains(request.getMethod()) || contentType == null || !crossSite(contentType)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported content type", "a write takes application/json (an import text/markdown), not "
                        + MediaType.parseMediaType(contentType).getType() + "/" + MediaType.parseMediaType(contentType).getSubtype()
                        + ": a type any web page can send is never accepted");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
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

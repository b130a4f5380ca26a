package dev.curation.service;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The response headers a browser needs to treat this API as data, for a service without Spring
 * Security (which sets its own): no content sniffing, no framing, no referrer, and for everything
 * but the Swagger UI a content security policy that runs nothing, so a crafted Markdown export
 * or problem detail opened in a browser cannot run script.
 */
public final class SecurityHeaders extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        String path = request.getRequestURI();
        response.setHeader("Content-Security-Policy", path.startsWith("/swagger-ui")
                ? "frame-ancestors 'none'" : "default-src 'none'; frame-ancestors 'none'; sandbox");
        chain.doFilter(request, response);
    }
}

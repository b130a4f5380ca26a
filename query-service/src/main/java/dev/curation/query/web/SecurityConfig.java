package dev.curation.query.web;

import dev.curation.service.ApiRefusals;
import dev.curation.service.BearerTokens;
import dev.curation.service.CrossSiteWrites;
import dev.curation.service.OidcProperties;
import dev.curation.service.OperationsAccess;
import dev.curation.service.Problems;
import dev.curation.service.ServiceEdges;
import dev.curation.service.PublicBaseUrl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query service's reads (GET, HEAD) are open to everyone, whatever they send along. Its
 * operations endpoints take the operations token or, once an OIDC issuer is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), a token of an account with the
 * global role {@code OPERATOR}, or loopback without a token; {@link OperationsAccess} decides,
 * here and not in the controllers. Anything else a controller serves is closed
 * ({@link ClosedByDefault}), and writes from another site's page are refused before all of it
 * ({@link CrossSiteWrites}). Spring Security adds no headers of its own here
 * ({@code ResponseHeaders} sets them, and reads keep their caching).
 */
@Configuration
@Import(ServiceEdges.class)
@EnableConfigurationProperties(OidcProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain queries(HttpSecurity http, OidcProperties oidc, ObjectProvider<JwtDecoder> tokens, JsonMapper json,
                                OperationsAccess operations, ObjectProvider<RequestMappingInfoHandlerMapping> mappings)
            throws Exception {
        http.csrf(csrf -> csrf.disable()) // no cookies, no sessions; cross-site operations: CrossSiteWrites
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/operations/**").access(operations)
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().access(new ClosedByDefault(mappings)))
                // nobody signs in here but operators: every refusal is the operations rule's, or "closed"
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> refuse(json, operations, request, response))
                        .accessDeniedHandler((request, response, e) -> refuse(json, operations, request, response)));
        JwtDecoder decoder = tokens.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(BearerTokens.resourceServer(decoder, oidc, false,
                    (request, response, status, type, title, detail) ->
                            write(json, response, Problems.answer(status, type, title, detail, request))));
        }
        return http.build();
    }

    /** Before authentication, like the command service's: no page of another site may start an operation. */
    @Bean
    FilterRegistrationBean<CrossSiteWrites> crossSiteWrites(JsonMapper json, PublicBaseUrl self) {
        CrossSiteWrites filter = new CrossSiteWrites((request, response, status, type, title, detail) ->
                write(json, response, Problems.answer(status, type, title, detail, request)),
                self, List.of(), "application/json");
        FilterRegistrationBean<CrossSiteWrites> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    private static void refuse(JsonMapper json, OperationsAccess operations, HttpServletRequest request,
                               HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ResponseEntity<ProblemDetail> refused = ApiRefusals.isOperations(path) ? operations.refusal(request) : null;
        write(json, response, refused != null ? refused : Problems.answer(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "the query service serves reads; " + request.getMethod() + " " + path + " is not open", request));
    }

    private static void write(JsonMapper json, HttpServletResponse response, ResponseEntity<ProblemDetail> problem)
            throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem.getBody());
    }
}

package dev.curation.query.web;

import dev.curation.service.BearerTokens;
import dev.curation.service.OidcProperties;
import dev.curation.service.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query service's reads are open to everyone, whatever they send along. Its operations
 * endpoints take the operations token or, once an OIDC issuer is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), a token of an account with the
 * global role {@code OPERATOR}; {@code OperationsAccess} decides. Spring Security adds no
 * headers of its own here ({@code ResponseHeaders} sets them, and reads keep their caching).
 */
@Configuration
@EnableConfigurationProperties(OidcProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain queries(HttpSecurity http, OidcProperties oidc, ObjectProvider<JwtDecoder> tokens, JsonMapper json)
            throws Exception {
        http.csrf(csrf -> csrf.disable()) // nothing here changes state for a signed-in browser: no cookies, no sessions
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        JwtDecoder decoder = tokens.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(BearerTokens.resourceServer(decoder, oidc, false,
                    (request, response, status, type, title, detail) ->
                            write(json, response, ProblemResponses.of(status, type, title, detail, request))));
        }
        return http.build();
    }

    private static void write(JsonMapper json, HttpServletResponse response, ResponseEntity<ProblemDetail> problem)
            throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem.getBody());
    }
}

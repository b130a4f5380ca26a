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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
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
            JwtAuthenticationProvider bearer = new JwtAuthenticationProvider(BearerTokens.reachable(decoder));
            bearer.setJwtAuthenticationConverter(BearerTokens.accounts(oidc));
            AuthenticationEntryPoint badToken = (request, response, e) -> write(json, response, ProblemResponses.of(
                    HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", "the bearer token was not accepted: "
                            + (e.getMessage() == null ? "invalid" : e.getMessage().lines().findFirst().orElse("invalid")), request));
            AuthenticationEntryPoint issuerAway = (request, response, e) -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                write(json, response, ProblemResponses.of(HttpStatus.SERVICE_UNAVAILABLE, "issuer-unavailable",
                        "Sign-in unavailable", "the OIDC issuer that checks bearer tokens cannot be reached; retry later, "
                                + "the token may be good", request));
            };
            http.oauth2ResourceServer(server -> server
                    .bearerTokenResolver(BearerTokens.resolver(false))
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(bearer)))
                    .authenticationEntryPoint(badToken)
                    .withObjectPostProcessor(BearerTokens.failures(badToken, issuerAway)));
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

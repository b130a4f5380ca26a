package dev.curation.service;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * How both services read the OIDC issuer's tokens: the account from the name claim, the global
 * roles from the roles claim ({@link OidcProperties}), and which bearer tokens are the issuer's
 * to check at all.
 */
public final class BearerTokens {

    private static final String OPERATIONS = "/api/operations/";

    private BearerTokens() {
    }

    public static JwtAuthenticationConverter accounts(OidcProperties oidc) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(oidc.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter fromClaims = new JwtAuthenticationConverter();
        fromClaims.setPrincipalClaimName(oidc.nameClaim());
        fromClaims.setJwtGrantedAuthoritiesConverter(roles);
        return fromClaims;
    }

    /**
     * The bearer token to check as the issuer's: on the operations endpoints only one shaped like
     * a JWT (three dot-separated parts), since the operations token ({@code curation.operations.token})
     * is a bearer token too and {@link OperationsAccess} checks that one; elsewhere, with
     * {@code everywhere}, any; without it, none (the query service's reads are open to all, and a
     * header sent along with one is no reason to refuse it).
     */
    public static BearerTokenResolver resolver(boolean everywhere) {
        DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
        return request -> {
            boolean operations = isOperations(request);
            if (!operations && !everywhere) {
                return null;
            }
            String token = standard.resolve(request);
            return operations && !jwtShaped(token) ? null : token;
        };
    }

    private static boolean isOperations(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + OPERATIONS);
    }

    private static boolean jwtShaped(@Nullable String token) {
        return token != null && token.chars().filter(c -> c == '.').count() == 2;
    }

    /**
     * The decoder, with a failure to reach the issuer (its discovery or key set, fetched on first
     * use) turned into a {@link JwtException}: Spring's issuer-URI decoder throws an
     * {@code IllegalArgumentException} instead, which was a 500. Spring's provider then reports it
     * as an {@link AuthenticationServiceException}, which {@link #failures} answers 503.
     */
    public static JwtDecoder reachable(JwtDecoder decoder) {
        return token -> {
            try {
                return decoder.decode(token);
            } catch (JwtException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new JwtException("the OIDC issuer could not be reached: " + e.getMessage(), e);
            }
        };
    }

    /**
     * How a bearer token's refusal is answered: a bad token by {@code badToken} (a 401), an issuer
     * that cannot be reached by {@code issuerAway} (a 503: the token may be good, and a new one
     * would not help). Spring's default rethrows the second, which was a 500.
     */
    public static ObjectPostProcessor<BearerTokenAuthenticationFilter> failures(AuthenticationEntryPoint badToken,
                                                                                 AuthenticationEntryPoint issuerAway) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler((request, response, e) -> {
                    if (e instanceof AuthenticationServiceException) {
                        issuerAway.commence(request, response, e);
                    } else {
                        badToken.commence(request, response, e);
                    }
                });
                return filter;
            }
        };
    }
}

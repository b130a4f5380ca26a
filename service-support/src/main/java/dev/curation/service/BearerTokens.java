package dev.curation.service;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How both services read the OIDC issuer's tokens: the account from the name claim, the global
 * roles from the roles claim ({@link OidcProperties}), which bearer tokens are the issuer's to
 * check at all, and how a refused one is answered.
 */
public final class BearerTokens {

    /** Writes a problem answer the way the service writes its others. */
    @FunctionalInterface
    public interface Refusal {
        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String title,
                   String detail) throws IOException;
    }

    private BearerTokens() {
    }

    /**
     * The service as a resource server of the issuer: tokens checked by {@code decoder} (with a
     * provider of their own, since a service's other authentication manager knows only its Basic
     * accounts), a bad token answered 401 and an issuer that cannot be reached 503, through
     * {@code refusal}. With {@code everywhere}, a bearer token on any path is the issuer's to
     * check; without it, only on the operations endpoints ({@link #resolver}).
     */
    public static Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> resourceServer(JwtDecoder decoder,
            OidcProperties oidc, boolean everywhere, Refusal refusal) {
        JwtAuthenticationProvider bearer = new JwtAuthenticationProvider(reachable(decoder));
        bearer.setJwtAuthenticationConverter(accounts(oidc));
        AuthenticationEntryPoint badToken = (request, response, e) -> refusal.write(request, response, HttpStatus.UNAUTHORIZED,
                "unauthenticated", "Authentication required", "the bearer token was not accepted: "
                        + (e.getMessage() == null ? "invalid" : e.getMessage().lines().findFirst().orElse("invalid")));
        AuthenticationEntryPoint issuerAway = (request, response, e) -> {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            refusal.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "issuer-unavailable", "Sign-in unavailable",
                    "the OIDC issuer that checks bearer tokens cannot be reached; retry later, the token may be good");
        };
        return server -> server
                .bearerTokenResolver(resolver(everywhere))
                .jwt(jwt -> jwt.authenticationManager(new ProviderManager(bearer)))
                .authenticationEntryPoint(badToken)
                .withObjectPostProcessor(failures(badToken, issuerAway));
    }

    private static JwtAuthenticationConverter accounts(OidcProperties oidc) {
        JwtAuthenticationConverter fromClaims = new JwtAuthenticationConverter();
        fromClaims.setPrincipalClaimName(oidc.nameClaim());
        fromClaims.setJwtGrantedAuthoritiesConverter(new RoleClaims(oidc.rolesClaim()));
        return fromClaims;
    }

    /**
     * The bearer token to check as the issuer's: on the operations endpoints only one shaped like
     * a JWT (three dot-separated parts), since the operations token ({@code curation.operations.token})
     * is a bearer token too and {@link OperationsAccess} checks that one; elsewhere, with
     * {@code everywhere}, any; without it, none (the query service's reads are open to all, and a
     * header sent along with one is no reason to refuse it).
     */
    private static BearerTokenResolver resolver(boolean everywhere) {
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
        return ApiRefusals.isOperations(request.getRequestURI().substring(request.getContextPath().length()));
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
    private static JwtDecoder reachable(JwtDecoder decoder) {
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
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> failures(AuthenticationEntryPoint badToken,
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

package dev.curation.command.web;

import dev.curation.core.input.FreeText;
import dev.curation.core.list.InputContract;
import dev.curation.service.ApiRefusals;
import dev.curation.service.BearerTokens;
import dev.curation.service.CrossSiteWrites;
import dev.curation.service.FailedSignIns;
import dev.curation.service.OidcProperties;
import dev.curation.service.OperationsAccess;
import dev.curation.service.PasswordPolicy;
import dev.curation.service.Problems;
import dev.curation.service.PublicBaseUrl;
import dev.curation.service.ServiceEdges;
import dev.curation.service.SignInFailureProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads are open, every write needs a bearer token of the configured OIDC issuer, or on the local
 * stack HTTP Basic ({@code curation.security.http-basic}). Here: global curators create lists; every
 * other write, and every read of a list's webhooks, needs a signed-in account, and the list itself
 * checks what its role there allows ({@code Members}: owners manage members, curators edit and
 * review, contributors propose), as it checks the rules about persons (nobody approves their own
 * proposal, only the author withdraws). Operations ({@code /api/operations/**}) are for operators
 * ({@link OperationsAccess}), and every write from another site's page is refused first
 * ({@link CrossSiteWrites}).
 */
@Configuration
@Import(ServiceEdges.class)
@EnableConfigurationProperties({OidcProperties.class, SignInFailureProperties.class})
class SecurityConfig {

    static final String CURATOR = "CURATOR";

    @Bean
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, UserDetailsService accounts, PasswordEncoder passwords,
                            AccountProperties basicAccounts, SignInFailureProperties failures, BrowserProperties browsers,
                            OidcProperties oidc, OperationsAccess operations,
                            ObjectProvider<JwtDecoder> tokens)
            throws Exception {
        // one check per attempt at the accounts' cost, known name or not, unless throttled
        AuthenticationProvider provider = BasicSignIn.provider(basicAccounts, accounts, passwords, new FailedSignIns(failures));
        // a manager without a parent: Spring's global one, built from the same accounts, would check a
        // refused password a second time (and check a throttled one after all)
        http.authenticationManager(new ProviderManager(provider));
        // CORS closed unless origins are configured: then their pages may call the API with credentials
        http.cors(cors -> cors.configurationSource(request -> {
            if (browsers.allowedOrigins().isEmpty()) {
                return null;
            }
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(browsers.allowedOrigins());
            config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key",
                    "X-Curation-Min-Version"));
            config.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "X-Curation-Version"));
            config.setAllowCredentials(true);
            return config;
        }));
        http.csrf(csrf -> csrf.disable()) // stateless API authenticated per request, no cookies; cross-site writes: CrossSiteWrites
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // operators: the issuer's OPERATOR role, the operations token, or loopback without one
                        .requestMatchers("/api/operations/**").access(operations)
                        // webhooks name their receivers: signed in, reads too; the list lets its curators and
                        // owners in (WebhookController asks it), not whoever is a curator elsewhere
                        .requestMatchers("/api/lists/*/webhooks", "/api/lists/*/webhooks/**").authenticated()
                        // a bridge's repository and errors are for the list's curators (checked by the list)
                        .requestMatchers("/api/lists/*/git", "/api/lists/*/git/**").authenticated()
                        // a list's bundle holds its whole history and settings: its curators (the list is asked)
                        .requestMatchers("/api/lists/*/export").authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        // a new list: global curators; its importer becomes its first owner
                        .requestMatchers(HttpMethod.POST, "/api/lists").hasRole(CURATOR)
                        // everything on one list: signed in here, the list checks the role its members and
                        // global roles give (curation-core's Members)
                        .requestMatchers("/api/lists/*/**").authenticated()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex
                        // no WWW-Authenticate challenge: it only makes a browser prompt, then send the
                        // credentials it cached along with every request another site's page makes
                        .authenticationEntryPoint((request, response, e) -> {
                            if (!operationsRefused(json, operations, request, response)) {
                                problem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                                        basicAccounts.httpBasic()
                                                ? "send credentials with the request (a bearer token or HTTP Basic) to write"
                                                : "send a bearer token of the OIDC issuer with the request (Authorization: Bearer ...) to write");
                            }
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            if (!operationsRefused(json, operations, request, response)) {
                                problem(json, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                        "your role does not allow " + request.getMethod() + " " + request.getRequestURI());
                            }
                        }));
        if (basicAccounts.httpBasic()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof ThrottledAuthentication.TooManyFailures tooMany) {
                        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
                        problem(json, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-sign-ins",
                                "Too many failed sign-ins", "too many failed sign-ins for this account from this address, or from this address; "
                                        + "retry in " + tooMany.retryAfterSeconds() + " s");
                        return;
                    }
                    problem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                            "sign in with HTTP Basic to write");
                }));
        }
        JwtDecoder decoder = tokens.getIfAvailable();
        if (decoder != null) {
            // bearer tokens from the configured issuer: the name and global roles come from their claims; on the
            // operations endpoints the operations token is a bearer token too, not the issuer's to check
            http.oauth2ResourceServer(BearerTokens.resourceServer(decoder, oidc, true,
                    (request, response, status, type, title, detail) -> problem(json, response, status, type, title, detail)));
        }
        if (decoder == null && !basicAccounts.httpBasic()) {
            LoggerFactory.getLogger(SecurityConfig.class).warn("nobody can sign in: HTTP Basic is off and no OIDC "
                    + "issuer is configured (spring.security.oauth2.resourceserver.jwt.issuer-uri); every write is a 401");
        }
        return http.build();
    }

    /** Before authentication: a refused cross-site write never checks a password. */
    @Bean
    FilterRegistrationBean<CrossSiteWrites> crossSiteWrites(JsonMapper json, PublicBaseUrl self, BrowserProperties browsers) {
        CrossSiteWrites filter = new CrossSiteWrites((request, response, status, type, title, detail) -> {
            write(json, response, status, Problems.at(Problems.of(status, type, title, detail), request));
        }, self, browsers.allowedOrigins(), "application/json (an import text/markdown)");
        FilterRegistrationBean<CrossSiteWrites> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService accounts(AccountProperties properties) {
        if (!properties.httpBasic() && !properties.accounts().isEmpty()) {
            // an account configured where nobody can use it is a mistake to say, not to ignore
            throw new IllegalStateException("curation.security.accounts: HTTP Basic is for the local stack only and is off "
                    + "here (curation.security.http-basic=false); sign in with bearer tokens of the OIDC issuer "
                    + "(spring.security.oauth2.resourceserver.jwt.issuer-uri) and remove the accounts");
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (AccountProperties.Account account : properties.accounts()) {
            // a name becomes the actor of every event its owner causes: the same text rule as any field
            String problem = account.name() == null ? "is missing" : FreeText.problem(account.name(), false);
            if (problem != null || account.name().isBlank() || account.name().length() > InputContract.MAX_ID) {
                throw new IllegalStateException("curation.security.accounts: the name '" + account.name() + "' "
                        + (problem != null ? problem : "must be 1 to " + InputContract.MAX_ID + " characters"));
            }
            String refused = PasswordPolicy.refusal(account.name(), account.password(), properties.localAccounts());
            if (refused != null) {
                throw new IllegalStateException("curation.security.accounts: account '" + account.name() + "' " + refused);
            }
            UserDetails user = User.withUsername(account.name())
                    .password(account.password())
                    .roles(account.roles().toArray(String[]::new))
                    .build();
            manager.createUser(user);
        }
        return manager;
    }

    /** On an operations path, answers with the operations rule's own refusal (401 or 403, saying why). */
    private static boolean operationsRefused(JsonMapper json, OperationsAccess operations, HttpServletRequest request,
                                             HttpServletResponse response) throws IOException {
        if (!ApiRefusals.isOperations(request.getRequestURI().substring(request.getContextPath().length()))) {
            return false;
        }
        ResponseEntity<ProblemDetail> refused = operations.refusal(request);
        if (refused == null || refused.getBody() == null) {
            return false;
        }
        write(json, response, HttpStatus.valueOf(refused.getStatusCode().value()), refused.getBody());
        return true;
    }

    private static void problem(JsonMapper json, HttpServletResponse response, HttpStatus status, String type,
                                String title, String detail) throws IOException {
        write(json, response, status, Problems.of(status, type, title, detail));
    }

    private static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, ProblemDetail problem)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

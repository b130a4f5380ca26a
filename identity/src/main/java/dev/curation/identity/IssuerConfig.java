package dev.curation.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.curation.service.FailedSignIns;
import dev.curation.service.PasswordPolicy;
import dev.curation.service.SignInFailureProperties;
import dev.curation.service.TrustedProxies;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The issuer: OIDC discovery, the JWK set, the token endpoint, and the sign-in of web clients.
 * Each account is a confidential client that gets tokens with the client credentials grant (the
 * password grant is gone from OAuth 2.1, and a command-line user has no browser for the code
 * flow); its token names it and carries its global roles. The accounts are also the people who
 * sign in on the sign-in page ({@code /login}) for a web client ({@code curation.identity.web-clients}):
 * the authorization code flow with PKCE, whose tokens name the signed-in person and carry their
 * roles.
 *
 * <p>Two filter chains, as Spring Authorization Server lays them out: its protocol endpoints first
 * (an authorization request of a browser not signed in goes to the sign-in page, and comes back
 * after it from the session's saved request), then the sign-in form and health. A session exists
 * only for a browser's sign-in: the token endpoint keeps none for its clients.
 */
@Configuration
@EnableConfigurationProperties(SignInFailureProperties.class)
class IssuerConfig {

    static final String NAME_CLAIM = "preferred_username";
    static final String ROLES_CLAIM = "roles";

    /**
     * Forwarded headers only from {@code curation.security.trusted-proxies}, as on both services:
     * the token endpoint's throttle counts per client address, which anyone else could invent.
     */
    @Bean
    static TrustedProxies trustedProxies(Environment environment) {
        return new TrustedProxies(environment);
    }

    @Bean
    @Order(1)
    SecurityFilterChain protocol(HttpSecurity http, RegisteredClientRepository clients, PasswordEncoder passwords,
                                 IdentityProperties properties) throws Exception {
        // an unknown client id costs one check of a configured secret's hash, as a wrong secret does
        UnknownClients unknown = new UnknownClients(clients, passwords, decoyHash(properties));
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults())
                            .clientAuthentication(client -> client.authenticationProviders(providers -> providers.add(0, unknown)));
                })
                // the token endpoint: the client authenticated by its secret; the authorization endpoint: a signed-in person
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SignInFormThrottle.SIGN_IN), browsers()));
        return http.build();
    }

    /** Requests that ask for a page: a browser's, not a client's that accepts anything (curl, a web app's back end). */
    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return browsers;
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, IdentityProperties properties, PasswordEncoder passwords,
                               FailedSignIns failures) throws Exception {
        SignInFormThrottle throttle = new SignInFormThrottle(failures);
        http.authorizeHttpRequests(auth -> auth
                        // an error page (a protocol endpoint's 400) is shown as it is, not replaced by the sign-in page
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", SignInFormThrottle.SIGN_IN).permitAll()
                        .anyRequest().denyAll())
                // the form's names and secrets are the accounts': one check each, an unknown name's against a decoy
                .authenticationManager(new ProviderManager(new AccountSignIn(new AccountUsers(properties), passwords,
                        decoyHash(properties))))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(throttle))
                .formLogin(form -> form.loginPage(SignInFormThrottle.SIGN_IN).successHandler(throttle.successHandler())
                        .failureHandler(throttle));
        return http.build();
    }

    /** The registered clients: the accounts and the web clients, each setting of these from where it was given first. */
    @Bean
    RegisteredClientRepository clients(IdentityProperties properties, Environment environment) {
        return accounts(properties.withWebClients(WebClients.bind(environment)));
    }

    RegisteredClientRepository accounts(IdentityProperties properties) {
        List<RegisteredClient> clients = new ArrayList<>();
        for (IdentityProperties.Account account : properties.accounts()) {
            if (isLeftOut(account)) {
                continue;
            }
            if (account.name() == null || account.name().isBlank()) {
                throw new IllegalStateException("curation.identity.accounts: an account has no name");
            }
            String refused = PasswordPolicy.refusal(account.name(), account.secret(), properties.localAccounts());
            if (refused != null) {
                throw new IllegalStateException("curation.identity.accounts: account '" + account.name() + "' " + refused);
            }
            clients.add(RegisteredClient.withId(account.name())
                    .clientId(account.name())
                    .clientSecret(account.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime()).build())
                    .build());
        }
        for (IdentityProperties.WebClient web : properties.webClients()) {
            clients.add(webClient(web, properties, clients));
        }
        if (clients.isEmpty()) {
            // an issuer nobody can get a token from is a configuration mistake, not a working service
            throw new IllegalStateException("curation.identity.accounts: no account configured");
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient webClient(IdentityProperties.WebClient web, IdentityProperties properties,
                                              List<RegisteredClient> registered) {
        String id = web.clientId();
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("curation.identity.web-clients: a web client has no client-id");
        }
        String setting = "curation.identity.web-clients: client '" + id + "' ";
        if (registered.stream().anyMatch(client -> client.getClientId().equals(id))) {
            throw new IllegalStateException(setting + "has the client id of an account or of another web client");
        }
        if (web.redirectUris().isEmpty() || web.redirectUris().stream().anyMatch(String::isBlank)) {
            throw new IllegalStateException(setting + "needs its redirect-uris, where signed-in browsers are sent back");
        }
        RegisteredClient.Builder client = RegisteredClient.withId("web:" + id).clientId(id)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(web.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(web.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenLifetime())
                        .refreshTokenTimeToLive(properties.refreshTokenLifetime()).build());
        String secret = web.secret();
        if (secret == null || secret.isEmpty()) {
            // a public client (a browser or phone app holds no secret): PKCE alone, and no refresh token
            return client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE).build();
        }
        String refused = PasswordPolicy.refusal(id, secret, properties.localAccounts());
        if (refused != null) {
            throw new IllegalStateException(setting + refused);
        }
        return client.clientSecret(secret).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST).build();
    }

    /** The secrets are checked by the delegating encoder ({bcrypt} and the other slow hashes), Spring's client check too. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The first configured account's secret: a hash of the encoder and cost that a known account's check runs. */
    private static String decoyHash(IdentityProperties properties) {
        return properties.accounts().stream().filter(account -> !isLeftOut(account)).map(IdentityProperties.Account::secret)
                .findFirst().orElseThrow(() -> new IllegalStateException("curation.identity.accounts: no account configured"));
    }

    /** An entry with neither name nor secret: an optional account of the deployment left unset. */
    private static boolean isLeftOut(IdentityProperties.Account account) {
        return (account.name() == null || account.name().isBlank()) && (account.secret() == null || account.secret().isBlank());
    }

    /**
     * Access tokens name their account and carry its global roles and the services' audience:
     * the client's own account for client credentials, the signed-in person for the code flow
     * (and its refreshes). ID tokens name the person and its global roles too.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accountClaims(IdentityProperties properties) {
        Map<String, List<String>> roles = new HashMap<>();
        properties.accounts().forEach(account -> roles.put(account.name(), List.copyOf(account.roles())));
        return context -> {
            Authentication principal = context.getPrincipal();
            String name = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                    || principal == null ? context.getRegisteredClient().getClientId() : principal.getName();
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(properties.audience()))
                        .claim(NAME_CLAIM, name).claim(ROLES_CLAIM, roles.getOrDefault(name, List.of()));
            } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                // the web app shows each person the actions their global roles allow (the services decide)
                context.getClaims().claim(NAME_CLAIM, name).claim(ROLES_CLAIM, roles.getOrDefault(name, List.of()));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(properties.keyFile())));
    }

    /** One count of failed sign-ins for the token endpoint and the sign-in form: their secrets are the same. */
    @Bean
    FailedSignIns failedSignIns(SignInFailureProperties limits) {
        return new FailedSignIns(limits);
    }

    @Bean
    FilterRegistrationBean<TokenRequestThrottle> tokenRequestThrottle(FailedSignIns failures) {
        // before Spring Security's filters, so that a blocked request costs no secret check
        FilterRegistrationBean<TokenRequestThrottle> registration =
                new FilterRegistrationBean<>(new TokenRequestThrottle(failures));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CodeFlowClients> codeFlowClients(RegisteredClientRepository clients) {
        FilterRegistrationBean<CodeFlowClients> registration = new FilterRegistrationBean<>(new CodeFlowClients(clients));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OfferedEndpoints> offeredEndpoints() {
        FilterRegistrationBean<OfferedEndpoints> registration = new FilterRegistrationBean<>(new OfferedEndpoints());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    OAuth2AuthorizationService authorizations() {
        return new SignInAuthorizations();
    }
}

package dev.curation.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.curation.service.FailedSignIns;
import dev.curation.service.PasswordPolicy;
import dev.curation.service.SignInFailureProperties;
import dev.curation.service.TrustedProxies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The issuer: OIDC discovery, the JWK set and the token endpoint, nothing else. Each account is a
 * confidential client that gets tokens with the client credentials grant (the password grant is
 * gone from OAuth 2.1, and a command-line user has no browser for the code flow); its token names
 * it and carries its global roles.
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
    SecurityFilterChain issuer(HttpSecurity http, RegisteredClientRepository clients, PasswordEncoder passwords,
                               IdentityProperties properties) throws Exception {
        // an unknown client id costs one check of a configured secret's hash, as a wrong secret does
        UnknownClients unknown = new UnknownClients(clients, passwords, decoyHash(properties));
        http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults())
                        .clientAuthentication(client -> client.authenticationProviders(providers -> providers.add(0, unknown))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the token endpoint: the client authenticated by its secret; anything else: nobody
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
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
        if (clients.isEmpty()) {
            // an issuer nobody can get a token from is a configuration mistake, not a working service
            throw new IllegalStateException("curation.identity.accounts: no account configured");
        }
        return new InMemoryRegisteredClientRepository(clients);
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

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> accountClaims(IdentityProperties properties) {
        Map<String, List<String>> roles = new HashMap<>();
        properties.accounts().forEach(account -> roles.put(account.name(), List.copyOf(account.roles())));
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                String name = context.getRegisteredClient().getClientId();
                context.getClaims().audience(List.of(properties.audience()))
                        .claim(NAME_CLAIM, name).claim(ROLES_CLAIM, roles.getOrDefault(name, List.of()));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(properties.keyFile())));
    }

    @Bean
    FilterRegistrationBean<TokenRequestThrottle> tokenRequestThrottle(SignInFailureProperties limits) {
        // before Spring Security's filters, so that a blocked request costs no secret check
        FilterRegistrationBean<TokenRequestThrottle> registration =
                new FilterRegistrationBean<>(new TokenRequestThrottle(new FailedSignIns(limits)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
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
        return new StatelessAuthorizations();
    }
}

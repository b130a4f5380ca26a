package dev.curation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Outside the local stack the issuer refuses to start with a secret anyone could guess, naming the
 * account and the setting; its signing key outlives a restart when a key file is configured.
 */
class AccountsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "{noop}", "{noop}secret", "secret", "{MD5}5f4dcc3b5aa765d61d8327deb882cf99", "{bcrypt}x"})
    void weakSecretsStopTheStartOutsideTheLocalStack(String secret) {
        assertThatThrownBy(() -> new IssuerConfig().accounts(properties(false, new IdentityProperties.Account("dana", secret,
                List.of("CURATOR"))))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("curation.identity.accounts").hasMessageContaining("dana");
    }

    @Test
    void aSecretEqualToTheNameStopsItAndAHashStartsIt() {
        assertThatThrownBy(() -> new IssuerConfig().accounts(properties(false, new IdentityProperties.Account("dana",
                "{noop}dana", List.of())))).hasMessageContaining("dana");
        // a hash of the name is the name all the same
        String ofTheName = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("dana");
        assertThatThrownBy(() -> new IssuerConfig().accounts(properties(false, new IdentityProperties.Account("dana",
                ofTheName, List.of())))).hasMessageContaining("dana").hasMessageContaining("name as its password");
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("a long passphrase");
        assertThat(new IssuerConfig().accounts(properties(false, new IdentityProperties.Account("dana", hash, List.of())))
                .findByClientId("dana")).isNotNull();
        assertThat(new IssuerConfig().accounts(properties(true, new IdentityProperties.Account("dana", "{noop}dana",
                List.of()))).findByClientId("dana")).isNotNull();
    }

    @Test
    void anIssuerWithoutAccountsDoesNotStart() {
        assertThatThrownBy(() -> new IssuerConfig().accounts(properties(true))).hasMessageContaining("no account");
        // an optional account left unset (no name, no secret) is no account; half of one is a mistake
        assertThatThrownBy(() -> new IssuerConfig().accounts(properties(true,
                new IdentityProperties.Account("", "", List.of("OPERATOR"))))).hasMessageContaining("no account");
        assertThatThrownBy(() -> new IssuerConfig().accounts(properties(true,
                new IdentityProperties.Account("", "{noop}secret", List.of("OPERATOR"))))).hasMessageContaining("no name");
    }

    @Test
    void webClientsNeedAnIdRedirectUrisAndAStrongSecretOrNone() {
        assertThatThrownBy(() -> new IssuerConfig().accounts(withWebClient(false, new IdentityProperties.WebClient("web",
                "{noop}web-secret", List.of("https://curation.example/login/oauth2/code/curation"), List.of()))))
                .hasMessageContaining("curation.identity.web-clients").hasMessageContaining("'web'").hasMessageContaining("{noop}");
        assertThatThrownBy(() -> new IssuerConfig().accounts(withWebClient(true, new IdentityProperties.WebClient("web",
                "{noop}secret", List.of(), List.of())))).hasMessageContaining("redirect-uris");
        assertThatThrownBy(() -> new IssuerConfig().accounts(withWebClient(true, new IdentityProperties.WebClient(" ",
                "{noop}secret", List.of("http://127.0.0.1:8080/cb"), List.of())))).hasMessageContaining("client-id");
        // a web client named like an account would take its client id
        assertThatThrownBy(() -> new IssuerConfig().accounts(withWebClient(true, new IdentityProperties.WebClient("dana",
                "{noop}secret", List.of("http://127.0.0.1:8080/cb"), List.of())))).hasMessageContaining("'dana'");

        RegisteredClientRepository clients = new IssuerConfig().accounts(withWebClient(true,
                new IdentityProperties.WebClient("web", "{noop}web-secret", List.of("http://127.0.0.1:8080/cb"),
                        List.of("http://127.0.0.1:8080/")),
                new IdentityProperties.WebClient("app", "", List.of("http://127.0.0.1:8090/cb"), List.of())));
        RegisteredClient web = clients.findByClientId("web");
        assertThat(web).isNotNull();
        assertThat(web.getAuthorizationGrantTypes()).containsExactlyInAnyOrder(AuthorizationGrantType.AUTHORIZATION_CODE,
                AuthorizationGrantType.REFRESH_TOKEN);
        assertThat(web.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(web.getClientSettings().isRequireAuthorizationConsent()).isFalse();
        assertThat(web.getScopes()).containsExactlyInAnyOrder("openid", "profile");
        assertThat(web.getPostLogoutRedirectUris()).containsExactly("http://127.0.0.1:8080/");
        assertThat(web.getTokenSettings().getRefreshTokenTimeToLive()).isEqualTo(Duration.ofHours(12));
        RegisteredClient app = clients.findByClientId("app");
        assertThat(app).isNotNull();
        assertThat(app.getClientAuthenticationMethods()).containsExactly(ClientAuthenticationMethod.NONE);
        // the accounts are unchanged: client credentials only
        assertThat(clients.findByClientId("dana").getAuthorizationGrantTypes())
                .containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
    }

    private static IdentityProperties withWebClient(boolean local, IdentityProperties.WebClient... clients) {
        return properties(local, new IdentityProperties.Account("dana", local ? "{noop}dana"
                : PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("a long passphrase"), List.of()))
                .withWebClients(List.of(clients));
    }

    @Test
    void theSigningKeyIsKeptForTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys").resolve("signing-key.jwk");
        RSAKey first = SigningKey.loadOrCreate(file);
        assertThat(first.isPrivate()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SigningKey.loadOrCreate(file)).isEqualTo(first);
        assertThat(SigningKey.loadOrCreate(null).getKeyID()).isNotEqualTo(first.getKeyID());
        Files.writeString(file, "{\"kty\":\"nonsense\"}");
        assertThatThrownBy(() -> SigningKey.loadOrCreate(file)).hasMessageContaining("curation.identity.key-file");
    }

    private static IdentityProperties properties(boolean local, IdentityProperties.Account... accounts) {
        return new IdentityProperties(List.of(accounts), local, Duration.ofHours(1), null, "curation", List.of(),
                Duration.ofHours(12));
    }
}

package dev.curation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * One setting of a configured web client given on the command line (the launcher's redirect URI)
 * replaces that setting only: the client keeps its id and secret from the configuration file.
 */
class WebClientsTest {

    @Test
    void aCommandLineRedirectUriReplacesOnlyTheRedirectUris() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application-local.yml", Map.of(
                "curation.identity.web-clients[0].client-id", "curator-web",
                "curation.identity.web-clients[0].secret", "{noop}curator-web-local",
                "curation.identity.web-clients[0].redirect-uris[0]", "http://127.0.0.1:8080/login/oauth2/code/curation",
                "curation.identity.web-clients[0].post-logout-redirect-uris[0]", "http://127.0.0.1:8080/")));
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(
                "--curation.identity.web-clients[0].redirect-uris[0]=http://127.0.0.1:9090/login/oauth2/code/curation"));

        List<IdentityProperties.WebClient> clients = WebClients.bind(environment);

        assertThat(clients).containsExactly(new IdentityProperties.WebClient("curator-web", "{noop}curator-web-local",
                List.of("http://127.0.0.1:9090/login/oauth2/code/curation"), List.of("http://127.0.0.1:8080/")));
    }
}

package dev.curation.web.settings;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Page tests against {@link ScriptedApi} instead of the services, without the sessions' database
 * (sessions in memory here): fast enough for every build. Subclasses share one application context.
 */
@SpringBootTest(properties = "spring.autoconfigure.exclude="
        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
        + "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration,"
        + "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration,"
        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
        + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration,"
        + "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration")
@AutoConfigureMockMvc
public abstract class PageTestSupport {

    protected static final ScriptedApi API = new ScriptedApi();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    private ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("curation.web.query-url", API::url);
        registry.add("curation.web.command-url", API::url);
    }

    @BeforeEach
    void freshScript() {
        API.reset();
    }

    /** Signed in as {@code name} with global {@code roles}, holding an access token for the services. */
    protected RequestPostProcessor signedIn(String name, String... roles) {
        ClientRegistration registration = registrations.findByRegistrationId("curation");
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + name,
                Instant.now(), Instant.now().plusSeconds(600));
        RequestPostProcessor person = oidcLogin().clientRegistration(registration)
                .idToken(id -> id.subject(name).claim("preferred_username", name).claim("roles", List.of(roles)));
        // then the token the services get, in the authorized clients the web app's API client reads
        RequestPostProcessor client = oauth2Client("curation").clientRegistration(registration).principalName(name)
                .accessToken(token);
        return request -> client.postProcessRequest(person.postProcessRequest(request));
    }
}

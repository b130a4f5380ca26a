package dev.curation.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.web}: where the services and the issuer are, and who the web app is to the issuer.
 *
 * @param queryUrl     the query service's base address (reads)
 * @param commandUrl   the command service's base address (writes, with the signed-in person's token)
 * @param issuerUrl    the OIDC issuer's address as browsers reach it (sign-in redirects go there)
 * @param clientId     the web app's client id at the issuer
 * @param clientSecret the web app's client secret at the issuer (the local stack's is a well-known one)
 * @param apiTimeout   how long a page waits for an answer of the services before it says they are away
 */
@ConfigurationProperties("curation.web")
public record WebProperties(@DefaultValue("http://127.0.0.1:8082") URI queryUrl,
                            @DefaultValue("http://127.0.0.1:8081") URI commandUrl,
                            @DefaultValue("http://127.0.0.1:8083") URI issuerUrl,
                            @DefaultValue("curator-web") String clientId,
                            @DefaultValue("") String clientSecret,
                            @DefaultValue("10s") Duration apiTimeout) {
}

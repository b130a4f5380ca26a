package dev.curation.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.security.oidc}: which claims of a bearer token name the account and hold its
 * global roles ({@code CURATOR}, {@code CONTRIBUTOR}, {@code OPERATOR}). Both services accept
 * tokens once {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or a JWK set or
 * public key) is configured.
 *
 * @param nameClaim  the claim with the account's name
 * @param rolesClaim the claim with the account's global roles
 */
@ConfigurationProperties("curation.security.oidc")
public record OidcProperties(@DefaultValue("preferred_username") String nameClaim, @DefaultValue("roles") String rolesClaim) {
}

package dev.curation.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.operations.*} of both services.
 *
 * @param token a shared secret that, sent as a bearer token, opens the operations endpoints (rebuild,
 *              republish, quarantine) to callers that are not loopback and hold no operator's token of
 *              the issuer; empty (the default): only loopback and operators (see {@link OperationsAccess})
 */
@ConfigurationProperties("curation.operations")
public record OperationsProperties(@DefaultValue("") String token) {

    @Override
    public String toString() {
        return "OperationsProperties[token=" + (token.isEmpty() ? "" : "***") + "]";
    }
}

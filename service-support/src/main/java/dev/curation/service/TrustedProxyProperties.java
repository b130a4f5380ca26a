package dev.curation.service;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.security.trusted-proxies}; {@link TrustedProxies} binds it itself, since it is a
 * static bean made before configuration properties beans are.
 *
 * @param trustedProxies the addresses or CIDR ranges (e.g. {@code 10.0.0.5,10.0.1.0/24}) of the
 *                       proxies whose forwarded headers are believed; none by default
 */
@ConfigurationProperties("curation.security")
public record TrustedProxyProperties(@DefaultValue List<String> trustedProxies) {
}

package dev.curation.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.public-base-url}; {@link PublicBaseUrl} binds and checks it itself.
 *
 * @param publicBaseUrl where clients reach this service, e.g. {@code https://lists.example.org}: http or
 *                      https, a host and at most a path; empty (the default): the service's own address
 */
@ConfigurationProperties("curation")
public record PublicBaseUrlProperties(@DefaultValue("") String publicBaseUrl) {
}

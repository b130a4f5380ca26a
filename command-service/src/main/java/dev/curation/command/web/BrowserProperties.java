package dev.curation.command.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.security.allowed-origins}: the web origins (such as {@code https://curation.example})
 * whose pages may call the write API from a browser, with CORS and their requests' {@code Origin}.
 * None by default: API clients (curl, scripts, services) send no {@code Origin}, and a page on any
 * other site can neither read a write's answer nor make a signed-in browser write.
 *
 * @param allowedOrigins the origins whose pages may write from a browser; none by default
 */
@ConfigurationProperties("curation.security")
public record BrowserProperties(@DefaultValue List<String> allowedOrigins) {
}

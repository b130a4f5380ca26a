package dev.curation.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Where clients reach this service ({@code curation.public-base-url}, e.g.
 * {@code https://lists.example.org}): the start of every absolute link the service writes (the
 * Atom feed, a history page's next page) and this service's own origin for {@link CrossSiteWrites}.
 * Never the request's {@code Host} or {@code X-Forwarded-Host}: a shared cache would keep a link
 * to whatever host one client named and serve it to everyone. Without the setting, the service's
 * own address ({@code server.address}, else {@code localhost}, and the port it listens on).
 */
public final class PublicBaseUrl {

    public static final String SETTING = "curation.public-base-url";

    private final @Nullable String configured;
    private final Environment environment;

    public PublicBaseUrl(Environment environment) {
        this.environment = environment;
        String value = Binder.get(environment).bindOrCreate("curation", PublicBaseUrlProperties.class).publicBaseUrl().strip();
        this.configured = value.isEmpty() ? null : checked(value);
    }

    /** The base, without a trailing slash: scheme, host, port and the path a proxy may add. */
    public String base() {
        return configured != null ? configured : "http://" + host() + ":" + port();
    }

    /**
     * The origins (as a browser writes them in {@code Origin}) of this service's own pages: the
     * base's, and loopback at the port the service listens on (the Swagger UI opened on the host).
     */
    public Set<String> ownOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        URI base = URI.create(base());
        boolean defaultPort = base.getPort() == -1;
        origins.add(base.getScheme() + "://" + base.getHost() + (defaultPort ? "" : ":" + base.getPort()));
        for (String loopback : new String[]{"localhost", "127.0.0.1", "[::1]"}) {
            origins.add("http://" + loopback + ":" + port());
        }
        return origins;
    }

    private String host() {
        String address = environment.getProperty("server.address", "");
        if (address.isBlank() || address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
            return "localhost";
        }
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }

    /** The port the server listens on once it has started (a random one in tests), else the configured one. */
    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    private static String checked(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalStateException(SETTING + ": '" + value + "' must be an http or https URL with a host "
                        + "and at most a path, e.g. https://lists.example.org");
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(SETTING + ": '" + value + "' is not a URL: " + e.getMessage(), e);
        }
    }
}

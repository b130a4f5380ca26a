package dev.curation.web.list;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Which URLs become links: http, https and mailto only, and only when they parse. */
public final class SafeUrl {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    private SafeUrl() {
    }

    /** {@code url} when it is safe to follow, else null. */
    public static @Nullable String href(@Nullable String url) {
        if (url == null) {
            return null;
        }
        URI uri = parse(url);
        String scheme = uri == null ? null : uri.getScheme();
        return scheme != null && SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)) ? url.strip() : null;
    }

    /** The host of an http(s) URL, for showing; null when it has none. */
    public static @Nullable String host(@Nullable String url) {
        URI uri = parse(url);
        String host = uri == null ? null : uri.getHost();
        return host == null ? null : host.startsWith("www.") ? host.substring(4) : host;
    }

    private static @Nullable URI parse(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException unparsable) {
            return null;
        }
    }
}

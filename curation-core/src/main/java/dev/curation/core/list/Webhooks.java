package dev.curation.core.list;

import dev.curation.core.input.InputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The rules of a list's webhook subscriptions: what a target URL and the kinds of changes may be, and how many. */
public final class Webhooks {

    public static final int MAX_PER_LIST = 20;

    /** A subscription as the list accepted it: the whole URL (which no event carries) and the kinds, sorted. */
    public record Subscription(String url, List<String> kinds) {

        public Subscription {
            kinds = List.copyOf(kinds);
        }
    }
    public static final Set<String> KINDS = Set.of("version", "proposal", "settings");

    private Webhooks() {
    }

    /** @throws InputException.Invalid naming what is wrong with the URL */
    public static String url(@Nullable String url) {
        if (url == null || url.isBlank()) {
            throw new InputException.Invalid("url", "a webhook needs the URL to deliver to");
        }
        String value = url.strip();
        if (value.length() > 2048) {
            throw new InputException.Invalid("url", "must be at most 2048 characters");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new InputException.Invalid("url", "a webhook is delivered over http or https, not '" + scheme + "'");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new InputException.Invalid("url", "needs a host, e.g. https://hooks.example/curation");
            }
            if (uri.getUserInfo() != null) {
                throw new InputException.Invalid("url", "must not carry credentials; deliveries are signed instead");
            }
        } catch (URISyntaxException e) {
            throw new InputException.Invalid("url", "is not a valid URL (" + e.getReason() + ")");
        }
        return value;
    }

    /**
     * What of a receiver's URL may be shown to anyone: its scheme, host and port. Path, query and
     * fragment are dropped, since hook services put their credential there
     * ({@code https://hooks.slack.com/services/T0/B0/SECRET}); a URL that does not parse shows nothing.
     */
    public static String origin(@Nullable String url) {
        if (url == null) {
            return "";
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String host = uri.getHost();
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT)
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** The kinds asked for, every kind when none is named. @throws InputException.Invalid naming an unknown kind */
    public static List<String> kinds(@Nullable List<String> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            return List.of("proposal", "settings", "version");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String kind : kinds) {
            if (kind == null || !KINDS.contains(kind)) {
                throw new InputException.Invalid("kinds", "a webhook is for version, proposal or settings changes, not '"
                        + kind + "'");
            }
            chosen.add(kind);
        }
        return chosen.stream().sorted().toList();
    }
}

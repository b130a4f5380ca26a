package dev.curation.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What two link URLs must share to be the same link, as normalize-url (which awesome-lint uses)
 * compares them: {@code http} and {@code https} are one, the host's case, a leading {@code www.},
 * a default port, a trailing slash, a trailing {@code index.html} and {@code utm_*} parameters do
 * not count; the path, the rest of the query and the fragment count with their case (two videos
 * whose ids differ only in case are two links). Anything that is not a web URL (mailto:, a
 * relative link) is compared as written, without surrounding white space.
 */
public final class UrlKey {

    private UrlKey() {
    }

    public static String of(String url) {
        String u = url.strip();
        int schemeEnd = u.indexOf("://");
        if (schemeEnd <= 0) {
            return u;
        }
        String scheme = u.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return u;
        }
        String rest = u.substring(schemeEnd + 3);
        int fragmentAt = rest.indexOf('#');
        String fragment = fragmentAt < 0 ? "" : rest.substring(fragmentAt);
        rest = fragmentAt < 0 ? rest : rest.substring(0, fragmentAt);
        int queryAt = rest.indexOf('?');
        String query = queryAt < 0 ? "" : rest.substring(queryAt + 1);
        rest = queryAt < 0 ? rest : rest.substring(0, queryAt);
        int pathAt = rest.indexOf('/');
        String authority = pathAt < 0 ? rest : rest.substring(0, pathAt);
        String path = pathAt < 0 ? "" : rest.substring(pathAt);
        return "//" + host(authority) + path(path) + query(query) + fragment;
    }

    /** Lower case, without {@code www.} and without the default port of http or https. */
    private static String host(String authority) {
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String host = authority.substring(at + 1).toLowerCase(Locale.ROOT);
        if (host.endsWith(":80")) {
            host = host.substring(0, host.length() - 3);
        } else if (host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return userInfo + host;
    }

    private static String path(String path) {
        String p = withoutTrailingSlashes(path);
        if (p.endsWith("/index.html") || p.endsWith("/index.htm")) {
            p = withoutTrailingSlashes(p.substring(0, p.lastIndexOf('/')));
        }
        return p;
    }

    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static String query(String query) {
        if (query.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : query.split("&", -1)) {
            if (!parameter.isEmpty() && !parameter.toLowerCase(Locale.ROOT).startsWith("utm_")) {
                kept.add(parameter);
            }
        }
        return kept.isEmpty() ? "" : "?" + String.join("&", kept);
    }
}

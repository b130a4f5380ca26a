package dev.curation.web.signin;

import java.util.regex.Pattern;

/** A path on this site: a "come back to" address never sends anyone to another site. */
final class LocalPath {

    // one leading slash, then no second slash or backslash (//evil.example, /\evil.example), no scheme, no controls
    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[^\\s\\p{Cntrl}\\\\]*");

    private LocalPath() {
    }

    static String orHome(String next) {
        return next.length() <= 2000 && LOCAL.matcher(next).matches() ? next : "/";
    }
}

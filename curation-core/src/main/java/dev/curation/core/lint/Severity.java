package dev.curation.core.lint;

import java.util.Locale;

/** How much a problem matters: an error is refused when a change adds it, a warning is reported. */
public enum Severity {
    ERROR, WARNING;

    /** As JSON and SARIF say it: {@code error}, {@code warning}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.curation.core.lint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rules a list can be held to, each with a stable id (used in profiles, reports and SARIF),
 * a default severity and what it asks for. Most follow awesome-lint's list-item and heading rules;
 * {@link #DOUBLE_LINK} compares URLs as normalize-url does ({@link dev.curation.core.document.UrlKey}).
 */
public enum LintRule {
    LINK_TEXT("link-text", Severity.ERROR, "A link has text: [text](url)."),
    LINK_URL("link-url", Severity.ERROR, "A link has a URL, absolute (scheme and host) or a #anchor."),
    UNSAFE_LINK("unsafe-link", Severity.ERROR, "Links use http, https or mailto; javascript:, data: and the like are unsafe."),
    DOUBLE_LINK("double-link", Severity.ERROR,
            "A page is linked once (protocol, www., utm_* parameters, a trailing slash and index.html do not make another page)."),
    SEPARATOR("separator", Severity.WARNING, "A description follows its link after ' - '."),
    DESCRIPTION_CAPITAL("description-capital", Severity.WARNING, "A description starts with a capital letter."),
    DESCRIPTION_PUNCTUATION("description-punctuation", Severity.WARNING, "A description ends with punctuation."),
    DESCRIPTION_REPEATS_TITLE("description-repeats-title", Severity.WARNING,
            "A description does not start by repeating its link's text."),
    MAIN_HEADING("main-heading", Severity.WARNING, "The list has exactly one top-level heading."),
    HEADING_PUNCTUATION("heading-punctuation", Severity.WARNING, "A heading does not end with punctuation."),
    DUPLICATE_HEADING("duplicate-heading", Severity.ERROR, "Topics under the same parent have different titles."),
    EMPTY_SECTION("empty-section", Severity.WARNING, "A section holds an entry, some text or a sub-section."),
    TABLE_OF_CONTENTS("table-of-contents", Severity.WARNING,
            "Every #anchor link names a heading, and a table of contents lists every topic of the level it lists."),
    ALPHABETICAL("alphabetical", Severity.WARNING, "Entries of a section are in alphabetical order (off unless the profile asks)."),
    BULLET_MARKER("bullet-marker", Severity.WARNING, "Entries use one bullet marker throughout the list.");

    private final String id;
    private final Severity defaultSeverity;
    private final String description;

    LintRule(String id, Severity defaultSeverity, String description) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String description() {
        return description;
    }

    public static Optional<LintRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}

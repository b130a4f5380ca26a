package dev.curation.query.history;

import java.util.Locale;

/** What made a version: an import, a curator's change set, an approved proposal, or a revert. Its wire name is lower case. */
public enum VersionKind {
    IMPORT, EDIT, PROPOSAL, REVERT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

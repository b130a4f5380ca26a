package dev.curation.query.history;

import java.util.Locale;

/**
 * What made a version: an import, a curator's change set, an approved proposal, a revert, or a
 * commit from git (the first version of a list imported from git is its import). Its wire name is
 * lower case.
 */
public enum VersionKind {
    IMPORT, EDIT, PROPOSAL, REVERT, COMMIT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

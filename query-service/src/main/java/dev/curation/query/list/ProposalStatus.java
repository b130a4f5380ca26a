package dev.curation.query.list;

import java.util.Locale;

/** Where a proposal's review stands. Its wire name is lower case. */
public enum ProposalStatus {
    SUBMITTED, CHANGES_REQUESTED, APPROVED, REJECTED, WITHDRAWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

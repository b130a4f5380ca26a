package dev.curation.web.settings;

/**
 * A list's review policy as the form shows it.
 *
 * @param known false when the API's read of the policy failed, so the form shows the defaults
 */
public record Policy(int requiredApprovals, boolean authorCounts, boolean dismissOnAmend, boolean known) {

    static final int MAX_APPROVALS = 10;

    static Policy defaults() {
        return new Policy(1, false, true, false);
    }
}

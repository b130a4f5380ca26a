package dev.curation.web.settings;

/**
 * A list's review policy as the form shows it.
 *
 * @param known false when the API did not say (it has no read of the policy; it shows on a
 *              proposal's review state only), so the form shows the defaults
 */
public record Policy(int requiredApprovals, boolean authorCounts, boolean dismissOnAmend, boolean known) {

    static final int MAX_APPROVALS = 10;

    static Policy defaults() {
        return new Policy(1, false, true, false);
    }
}

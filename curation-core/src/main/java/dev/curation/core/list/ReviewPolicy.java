package dev.curation.core.list;

import dev.curation.core.input.InputException;

/** How a list's proposals are reviewed (see {@link ReviewPolicyChanged}); by default one curator approves. */
public record ReviewPolicy(int requiredApprovals, boolean authorCounts, boolean dismissOnAmend) {

    public static final int MAX_APPROVALS = 10;

    public static ReviewPolicy defaults() {
        return new ReviewPolicy(1, false, true);
    }

    /** @throws InputException.Invalid naming a number of approvals outside 1 to {@value #MAX_APPROVALS} */
    public static ReviewPolicy of(int requiredApprovals, boolean authorCounts, boolean dismissOnAmend) {
        if (requiredApprovals < 1 || requiredApprovals > MAX_APPROVALS) {
            throw new InputException.Invalid("requiredApprovals", "must be between 1 and " + MAX_APPROVALS
                    + ", not " + requiredApprovals);
        }
        return new ReviewPolicy(requiredApprovals, authorCounts, dismissOnAmend);
    }

    public static ReviewPolicy of(ReviewPolicyChanged event) {
        return new ReviewPolicy(event.requiredApprovals(), event.authorCounts(), event.dismissOnAmend());
    }
}

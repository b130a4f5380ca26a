package dev.curation.core.list;

import dev.curation.core.input.InputException;
import org.jspecify.annotations.Nullable;

/** How a list's proposals are reviewed (see {@link ReviewPolicyChanged}); by default one curator approves. */
public record ReviewPolicy(int requiredApprovals, boolean authorCounts, boolean dismissOnAmend) {

    public static final int MAX_APPROVALS = 10;

    public static ReviewPolicy defaults() {
        return new ReviewPolicy(1, false, true);
    }

    /**
     * The policy a curator asks for, each field not given at its default ({@link #defaults}): 1
     * approval, the author does not count, amending dismisses approvals. Not checked here: the
     * list checks it when it is set ({@link #of(int, boolean, boolean)}).
     */
    public static ReviewPolicy withDefaults(@Nullable Integer requiredApprovals, @Nullable Boolean authorCounts,
                                            @Nullable Boolean dismissOnAmend) {
        ReviewPolicy defaults = defaults();
        return new ReviewPolicy(requiredApprovals == null ? defaults.requiredApprovals() : requiredApprovals,
                authorCounts == null ? defaults.authorCounts() : authorCounts,
                dismissOnAmend == null ? defaults.dismissOnAmend() : dismissOnAmend);
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

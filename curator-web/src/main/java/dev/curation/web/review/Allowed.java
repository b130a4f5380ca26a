package dev.curation.web.review;

/**
 * What the viewer may do on a proposal, by their role and the list's review policy, so a page shows
 * only the actions the API would accept: curators review (never their own proposal: the policy's
 * "author counts" adds a curator author's approval, it never lets them approve), its author
 * withdraws it and amends it after "request changes", anyone signed in comments.
 */
public record Allowed(boolean approve, boolean requestChanges, boolean reject, boolean withdraw, boolean amend,
                      boolean resolve, boolean comment) {

    static Allowed of(Viewer viewer, ProposalView proposal) {
        boolean signedIn = viewer.signedIn();
        boolean reviewer = signedIn && viewer.curator() && !viewer.is(proposal.author()) && proposal.open();
        boolean author = signedIn && viewer.is(proposal.author()) && proposal.open();
        return new Allowed(reviewer && proposal.waitingForCurators(), reviewer && proposal.waitingForCurators(),
                reviewer, author, author && proposal.changesRequested(), signedIn && viewer.curator(), signedIn);
    }

    public boolean any() {
        return approve || requestChanges || reject || withdraw;
    }
}

package dev.curation.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule that counts a proposal's approvals: the list's, and the read side's. */
class ProposalApprovalsTest {

    private static Proposal atRevision2(boolean byCurator, Map<String, Integer> approvals) {
        return new Proposal("p1", "alice", byCurator, 2, 1, null, List.of(), Proposal.Status.SUBMITTED, approvals, Map.of());
    }

    @Test
    void approvalsOfEarlierRevisionsCountUnlessThePolicyDismissesThem() {
        Proposal proposal = atRevision2(false, Map.of("bob", 1, "carol", 2));
        assertThat(proposal.approvals(new ReviewPolicy(2, false, true))).isEqualTo(1);
        assertThat(proposal.approvals(new ReviewPolicy(2, false, false))).isEqualTo(2);
    }

    @Test
    void aCuratorAuthorCountsWhenThePolicySaysSo() {
        Proposal proposal = atRevision2(true, Map.of());
        assertThat(proposal.approvals(new ReviewPolicy(2, true, true))).isEqualTo(1);
        assertThat(proposal.approvals(new ReviewPolicy(2, false, true))).isZero();
        assertThat(atRevision2(false, Map.of()).approvals(new ReviewPolicy(2, true, true))).isZero();
    }

    @Test
    void anApprovalAboutToBeGivenCountsForTheLatestRevision() {
        Proposal proposal = atRevision2(false, Map.of("bob", 1));
        assertThat(proposal.approvalsWith("bob", ReviewPolicy.defaults())).isEqualTo(1);
        assertThat(proposal.approvalsWith("carol", new ReviewPolicy(2, false, false))).isEqualTo(2);
    }

    @Test
    void aStatusIsReadByItsWireName() {
        for (Proposal.Status status : Proposal.Status.values()) {
            assertThat(Proposal.status(Proposal.wire(status))).isEqualTo(status);
        }
        assertThat(Proposal.wire(Proposal.Status.CHANGES_REQUESTED)).isEqualTo("changes_requested");
    }
}

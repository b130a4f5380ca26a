package dev.curation.command.list;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import dev.curation.core.edit.EditException;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import dev.curation.core.list.ApprovalOutcome;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.ProposalAmended;
import dev.curation.core.list.ProposalApprovalRecorded;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalChangesRequested;
import dev.curation.core.list.ProposalCheck;
import dev.curation.core.list.ProposalCommentResolved;
import dev.curation.core.list.ProposalCommented;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import dev.curation.core.list.ReviewPolicyChanged;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given-when-then for the review conversation: who may comment, resolve, send back, amend and approve what. */
class CuratedListReviewTest {

    private static final String LIST = "list-1";
    /** ids: s1 Tools, e2 Kafka, t3 blank, s4 Links, e5 Nacos */
    private static final String MARKDOWN = "# Tools\n* [Kafka](https://kafka.apache.org)\n\n## Links\n* [Nacos](https://nacos.io)\n";
    private static final EditSpec CONSUL = new EditSpec("addLink", "s4", null, null, null, null, "Consul", "https://consul.io",
            null, null, null);
    private static final EditSpec ETCD = new EditSpec("addLink", "s4", null, null, null, null, "etcd", "https://etcd.io",
            null, null, null);

    private AggregateTestFixture<CuratedList> fixture;

    @BeforeEach
    void setUp() {
        fixture = CuratedListFixture.of((slug, id) -> {
        });
    }

    @Test
    void anyoneSignedInCommentsOnTheWholeOnAnEditOrInReply() {
        fixture.given(submitted())
                .when(new ListCommand.CommentOnProposal(LIST, "p1", "c1", " Why Consul? ", 0, null), actor("bob"))
                .expectEvents(new ProposalCommented(LIST, "p1", "c1", 1, 0, null, "Why Consul?", "bob"));
        fixture.given(with(submitted(), comment("c1", "bob")))
                .when(new ListCommand.CommentOnProposal(LIST, "p1", "c2", "It is popular.", null, "c1"), actor("carol"))
                .expectEvents(new ProposalCommented(LIST, "p1", "c2", 1, null, "c1", "It is popular.", "carol"));
    }

    @Test
    void aCommentNamesAnEditAndACommentThatExist() {
        fixture.given(submitted())
                .when(new ListCommand.CommentOnProposal(LIST, "p1", "c1", "x", 1, null), actor("bob"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("edits 0 to 0, not 1"));
        fixture.given(submitted())
                .when(new ListCommand.CommentOnProposal(LIST, "p1", "c1", "x", null, "c9"), actor("bob"))
                .expectException(InputException.Invalid.class)
                .expectNoEvents();
        fixture.given(with(submitted(), versioned(1, new ProposalWithdrawn(LIST, "p1", "carol"))))
                .when(new ListCommand.CommentOnProposal(LIST, "p1", "c1", "late", null, null), actor("bob"))
                .expectException(ListRuleException.IllegalTransition.class);
    }

    @Test
    void aCommentIsResolvedOnce() {
        fixture.given(with(submitted(), comment("c1", "bob")))
                .when(new ListCommand.ResolveComment(LIST, "p1", "c1"), actor("alice"))
                .expectEvents(new ProposalCommentResolved(LIST, "p1", "c1", "alice"));
        fixture.given(with(submitted(), comment("c1", "bob"), versioned(1, new ProposalCommentResolved(LIST, "p1", "c1", "alice"))))
                .when(new ListCommand.ResolveComment(LIST, "p1", "c1"), actor("bob"))
                .expectException(ListRuleException.IllegalTransition.class);
        fixture.given(submitted())
                .when(new ListCommand.ResolveComment(LIST, "p1", "c7"), actor("alice"))
                .expectException(ListRuleException.NoSuchComment.class);
    }

    @Test
    void aCuratorSendsAProposalBackButNotTheirOwn() {
        fixture.given(submitted())
                .when(new ListCommand.RequestChanges(LIST, "p1", "use etcd"), actor("alice"))
                .expectEvents(new ProposalChangesRequested(LIST, "p1", 1, "use etcd", "alice"));
        fixture.given(with(imported(), versioned(1, new ProposalSubmitted(LIST, "p1", 1, null, List.of(CONSUL), "alice", true))))
                .when(new ListCommand.RequestChanges(LIST, "p1", "hm"), actor("alice"))
                .expectException(ListRuleException.NotAllowed.class);
        fixture.given(submitted())
                .when(new ListCommand.RequestChanges(LIST, "p1", " "), actor("alice"))
                .expectException(InputException.Invalid.class);
    }

    @Test
    void onlyTheAuthorAmendsAnOpenProposalAndEveryRevisionIsKept() {
        fixture.given(with(submitted(), versioned(1, new ProposalChangesRequested(LIST, "p1", 1, "use etcd", "alice"))))
                .when(new ListCommand.AmendProposal(LIST, "p1", 1L, "etcd instead", List.of(ETCD)), actor("carol"))
                .expectEvents(new ProposalAmended(LIST, "p1", 2, 1, "etcd instead", List.of(ETCD), "carol"));
        fixture.given(submitted())
                .when(new ListCommand.AmendProposal(LIST, "p1", null, null, List.of(ETCD)), actor("bob"))
                .expectException(ListRuleException.NotAllowed.class);
        fixture.given(with(submitted(), versioned(1, new ProposalWithdrawn(LIST, "p1", "carol"))))
                .when(new ListCommand.AmendProposal(LIST, "p1", null, null, List.of(ETCD)), actor("carol"))
                .expectException(ListRuleException.IllegalTransition.class);
    }

    @Test
    void aProposalSentBackIsNotApprovedUntilAmended() {
        fixture.given(with(submitted(), versioned(1, new ProposalChangesRequested(LIST, "p1", 1, "use etcd", "alice"))))
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("bob"))
                .expectException(ListRuleException.IllegalTransition.class);
    }

    @Test
    void approvalAppliesTheLatestRevisionAndAnOlderOneIsRefused() {
        List<Object> amended = with(submitted(), versioned(1, new ProposalAmended(LIST, "p1", 2, 1, null, List.of(ETCD), "carol")));
        fixture.given(amended)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null, 1), actor("alice"))
                .expectException(ListRuleException.StaleRevision.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("approve revision 2"));
        fixture.given(amended)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null, 2), actor("alice"))
                .expectResultMessagePayload(new ApprovalOutcome(2L, 2, 1, 1))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(instanceOf(ProposalApproved.class)),
                        messageWithPayload(org.hamcrest.Matchers.<Object>both(instanceOf(LinkAdded.class))
                                .and(org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString("etcd")))),
                        andNoMore()));
    }

    @Test
    void withTwoApprovalsTheFirstIsRecordedAndTheSecondApplies() {
        List<Object> policy = with(submitted(), versioned(1, new ReviewPolicyChanged(LIST, 2, false, true, "alice")));
        fixture.given(policy)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("alice"))
                .expectResultMessagePayload(new ApprovalOutcome(null, 1, 1, 2))
                .expectEvents(new ProposalApprovalRecorded(LIST, "p1", 1, "alice", 1, 2));
        List<Object> once = with(policy, versioned(1, new ProposalApprovalRecorded(LIST, "p1", 1, "alice", 1, 2)));
        fixture.given(once)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("alice"))
                .expectException(ListRuleException.IllegalTransition.class);
        fixture.given(once)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("bob"))
                .expectResultMessagePayload(new ApprovalOutcome(2L, 1, 2, 2))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new ProposalApproved(LIST, "p1", "bob", 2, 1, "why"))),
                        messageWithPayload(instanceOf(LinkAdded.class)), andNoMore()));
    }

    @Test
    void amendingDismissesApprovalsUnlessThePolicyKeepsThem() {
        List<Object> approvedOnce = with(submitted(), versioned(1, new ReviewPolicyChanged(LIST, 2, false, true, "alice")),
                versioned(1, new ProposalApprovalRecorded(LIST, "p1", 1, "alice", 1, 2)),
                versioned(1, new ProposalAmended(LIST, "p1", 2, 1, null, List.of(ETCD), "carol")));
        fixture.given(approvedOnce)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("bob"))
                .expectEvents(new ProposalApprovalRecorded(LIST, "p1", 2, "bob", 1, 2));
        List<Object> kept = with(submitted(), versioned(1, new ReviewPolicyChanged(LIST, 2, false, false, "alice")),
                versioned(1, new ProposalApprovalRecorded(LIST, "p1", 1, "alice", 1, 2)),
                versioned(1, new ProposalAmended(LIST, "p1", 2, 1, null, List.of(ETCD), "carol")));
        fixture.given(kept)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("bob"))
                .expectResultMessagePayload(new ApprovalOutcome(2L, 2, 2, 2));
    }

    @Test
    void aCuratorAuthorCountsOnlyWhenThePolicySaysSoAndNeverApprovesTheirOwn() {
        List<Object> byCurator = with(imported(), versioned(1, new ReviewPolicyChanged(LIST, 2, true, true, "alice")),
                versioned(1, new ProposalSubmitted(LIST, "p1", 1, "why", List.of(CONSUL), "alice", true)));
        fixture.given(byCurator)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("bob"))
                .expectResultMessagePayload(new ApprovalOutcome(2L, 1, 2, 2));
        fixture.given(byCurator)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("alice"))
                .expectException(ListRuleException.NotAllowed.class);
        // a contributor author does not count
        fixture.given(with(imported(), versioned(1, new ReviewPolicyChanged(LIST, 2, true, true, "alice")),
                        versioned(1, new ProposalSubmitted(LIST, "p1", 1, "why", List.of(CONSUL), "carol", false))))
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("bob"))
                .expectResultMessagePayload(new ApprovalOutcome(null, 1, 1, 2));
    }

    @Test
    void aCheckOfAChangeSetAnswersWhatProposingWouldAndStoresNothing() {
        fixture.given(imported())
                .when(new ListCommand.CheckProposal(LIST, null, "a registry", List.of(CONSUL)), actor("carol"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new ProposalCheck(1, List.of()));
        EditSpec unsafe = new EditSpec("addLink", "s4", null, null, null, null, "Evil", "javascript:alert(1)", null, null, null);
        fixture.given(imported())
                .when(new ListCommand.CheckProposal(LIST, null, null, List.of(unsafe)), actor("carol"))
                .expectException(EditException.Invalid.class)
                .expectNoEvents();
        // the input contract applies on dispatch, as to the proposal
        fixture.given(imported())
                .when(new ListCommand.CheckProposal(LIST, null, null, List.of(new EditSpec("addLink", "s4", null, null, null, null,
                        "x".repeat(301), "https://x.example", null, null, null))), actor("carol"))
                .expectException(InputException.class)
                .expectNoEvents();
    }

    @Test
    void aPolicyAsksForOneToTenApprovals() {
        fixture.given(imported())
                .when(new ListCommand.ChangeReviewPolicy(LIST, 2, true, false), actor("alice"))
                .expectEvents(new ReviewPolicyChanged(LIST, 2, true, false, "alice"));
        fixture.given(imported())
                .when(new ListCommand.ChangeReviewPolicy(LIST, 0, false, true), actor("alice"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("requiredApprovals"));
    }

    private static MetaData actor(String name) {
        return CuratedListFixture.actor(name);
    }

    private List<Object> imported() {
        List<Object> events = new ArrayList<>();
        for (ListEvent e : ImportEvents.of(new ImportList(LIST, "tools", MARKDOWN))) {
            events.add(versioned(1, e).getFirst());
        }
        return events;
    }

    private List<Object> submitted() {
        return with(imported(), versioned(1, new ProposalSubmitted(LIST, "p1", 1, "why", List.of(CONSUL), "carol", false)));
    }

    private static List<Object> comment(String id, String author) {
        return versioned(1, new ProposalCommented(LIST, "p1", id, 1, null, null, "a comment", author));
    }

    private static List<Object> versioned(long version, ListEvent... events) {
        return CuratedListFixture.versioned(LIST, version, events);
    }

    @SafeVarargs
    private static List<Object> with(List<Object> first, List<Object>... more) {
        return CuratedListFixture.with(first, more);
    }
}

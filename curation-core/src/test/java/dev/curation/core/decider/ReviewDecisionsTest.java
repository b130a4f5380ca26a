package dev.curation.core.decider;

import static dev.curation.core.decider.Given.version;
import static dev.curation.core.decider.Lists.ALICE;
import static dev.curation.core.decider.Lists.BOB;
import static dev.curation.core.decider.Lists.CAROL;
import static dev.curation.core.decider.Lists.DAVE;
import static dev.curation.core.decider.Lists.LIST;
import static dev.curation.core.decider.Lists.TOOLS;
import static dev.curation.core.decider.Lists.addLink;
import static dev.curation.core.decider.Lists.changed;
import static dev.curation.core.decider.Lists.imported;
import static dev.curation.core.decider.Lists.renameLink;
import static dev.curation.core.decider.Lists.tools;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.InstanceOfAssertFactories.list;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.assertj.core.groups.Tuple.tuple;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.list.ApprovalOutcome;
import dev.curation.core.list.ContentRestored;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.MemberRoleSet;
import dev.curation.core.list.ProposalAmended;
import dev.curation.core.list.ProposalApprovalRecorded;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalChangesRequested;
import dev.curation.core.list.ProposalCommentResolved;
import dev.curation.core.list.ProposalCheck;
import dev.curation.core.list.ProposalCommented;
import dev.curation.core.list.ProposalRejected;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import dev.curation.core.list.ReviewPolicyChanged;
import dev.curation.core.list.SectionRemoved;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Given-when-then for proposals and their review: who proposes, comments, sends back, amends,
 * withdraws, rejects and approves what, and how many approvals the review policy asks for.
 */
class ReviewDecisionsTest {

    private static final EditSpec CONSUL = addLink("s4", "Consul", "https://consul.io");
    private static final EditSpec ETCD = addLink("s4", "etcd", "https://etcd.io");
    private static final LinkAdded CONSUL_ADDED = new LinkAdded(LIST, "e6", "s4", 1, "* [Consul](https://consul.io)\n", "Consul",
            "https://consul.io", "");
    private static final LinkAdded ETCD_ADDED = new LinkAdded(LIST, "e6", "s4", 1, "* [etcd](https://etcd.io)\n", "etcd",
            "https://etcd.io", "");

    /** carol proposed Consul on version 1 of alice's list. */
    private static List<Given.Stored> submitted() {
        return version(1, "carol", new ProposalSubmitted(LIST, "p1", 1, "why", List.of(CONSUL), "carol", false));
    }

    private static List<Given.Stored> by(String actor, ListEvent... events) {
        return version(1, actor, events);
    }

    private static List<Given.Stored> policy(int required, boolean authorCounts, boolean dismissOnAmend) {
        return by("alice", new ReviewPolicyChanged(LIST, required, authorCounts, dismissOnAmend, "alice"));
    }

    private static ListCommand.ApproveProposal approve() {
        return new ListCommand.ApproveProposal(LIST, "p1", null);
    }

    @Nested
    class Submitting {

        @Test
        void aContributorProposesAndTheListStaysAtItsVersion() {
            Given given = Given.list(tools());
            ListCommand.SubmitProposal command = new ListCommand.SubmitProposal(LIST, "p1", 1L, " a registry ", List.of(CONSUL));

            Decision decision = given.when(command, CAROL);

            assertThat(decision.events()).containsExactly(
                    new ProposalSubmitted(LIST, "p1", 1, "a registry", List.of(CONSUL), "carol", false));
            assertThat(decision.version()).isEqualTo(1);
            given.answer(command, CAROL).isEqualTo(List.of());
            assertThat(given.after(command, CAROL).proposals().get("p1").author()).isEqualTo("carol");
        }

        @Test
        void theListKnowsWhetherTheAuthorCuratesItFromItsMembersOverGlobalRoles() {
            ListCommand.SubmitProposal command = new ListCommand.SubmitProposal(LIST, "p1", null, null, List.of(CONSUL));
            // a global curator curates a list that says nothing else
            assertThat(Given.list(tools()).decided(command, BOB))
                    .containsExactly(new ProposalSubmitted(LIST, "p1", 1, null, List.of(CONSUL), "bob", true));
            // the owner curates it
            assertThat(Given.list(tools()).decided(command, ALICE))
                    .containsExactly(new ProposalSubmitted(LIST, "p1", 1, null, List.of(CONSUL), "alice", true));
            // a curator of this list without a global role
            assertThat(Given.list(tools(), by("alice", new MemberRoleSet(LIST, "dave", "curator", "alice"))).decided(command, DAVE))
                    .containsExactly(new ProposalSubmitted(LIST, "p1", 1, null, List.of(CONSUL), "dave", true));
            // the list's word wins over a global role
            assertThat(Given.list(tools(), by("alice", new MemberRoleSet(LIST, "bob", "contributor", "alice"))).decided(command, BOB))
                    .containsExactly(new ProposalSubmitted(LIST, "p1", 1, null, List.of(CONSUL), "bob", false));
        }

        @Test
        void anAccountWithoutARoleOnTheListDoesNotPropose() {
            Given.list(tools())
                    .refused(new ListCommand.SubmitProposal(LIST, "p1", null, null, List.of(CONSUL)), DAVE)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class)
                    .hasMessage("dave has no role on this list; to propose a change needs a contributor "
                            + "(an owner of the list can grant it)");
        }

        @Test
        void aProposalThatCannotApplyIsRefusedAtOnce() {
            Given given = Given.list(tools());
            given.refused(new ListCommand.SubmitProposal(LIST, "p1", null, null, List.of(renameLink("e404", "x"))), CAROL)
                    .isExactlyInstanceOf(EditException.UnknownItem.class);
            given.refused(new ListCommand.SubmitProposal(LIST, "p1", 3L, null, List.of(CONSUL)), CAROL)
                    .isExactlyInstanceOf(ListRuleException.UnknownBase.class);
        }

        @Test
        void aProposalThatAddsALintErrorIsRefusedAndOneWithWarningsSaysWhich() {
            String linted = "# Tools\n- [Kafka](https://kafka.apache.org) - A log.\n## Links\n- [Nacos](https://nacos.io) - A registry.\n";
            Given given = Given.list(imported(linted, "alice"), by("alice", new LintProfileChanged(LIST,
                    LintProfile.withChanges(Map.of("alphabetical", "error"), false).toWire(), false, "alice")));
            given.refused(new ListCommand.SubmitProposal(LIST, "p1", null, null,
                            List.of(addLink("s3", "Beta", "https://beta.example", "Something."))), CAROL)
                    .isExactlyInstanceOf(ListRuleException.LintErrors.class);
            given.answer(new ListCommand.SubmitProposal(LIST, "p1", null, "a mesh",
                            List.of(addLink("s3", "Zookeeper", "https://zookeeper.apache.org", "coordination."))), CAROL)
                    .asInstanceOf(list(LintProblem.class))
                    .extracting(LintProblem::rule, LintProblem::item)
                    .containsExactly(tuple("description-capital", "e5"));
        }
    }

    @Nested
    class Checking {

        private final String linted = "# Tools\n- [Kafka](https://kafka.apache.org) - A log.\n## Links\n"
                + "- [Nacos](https://nacos.io) - A registry.\n";

        private Given alphabeticalErrors() {
            return Given.list(imported(linted, "alice"), by("alice", new LintProfileChanged(LIST,
                    LintProfile.withChanges(Map.of("alphabetical", "error"), false).toWire(), false, "alice")));
        }

        @Test
        void aCheckAnswersWhatProposingWouldWithNoEvent() {
            Given given = alphabeticalErrors();
            List<EditSpec> zookeeper = List.of(addLink("s3", "Zookeeper", "https://zookeeper.apache.org", "coordination."));
            ListCommand.CheckProposal check = new ListCommand.CheckProposal(LIST, null, "a mesh", zookeeper);

            Decision decision = given.when(check, CAROL);

            assertThat(decision.events()).isEmpty();
            assertThat(decision.version()).isEqualTo(1);
            Object proposing = given.when(new ListCommand.SubmitProposal(LIST, "p1", null, "a mesh", zookeeper), CAROL)
                    .answer().apply(given.state());
            given.answer(check, CAROL).asInstanceOf(type(ProposalCheck.class)).satisfies(checked -> {
                assertThat(checked.baseVersion()).isEqualTo(1);
                assertThat(checked.warnings()).isEqualTo(proposing)
                        .extracting(LintProblem::rule, LintProblem::item).containsExactly(tuple("description-capital", "e5"));
            });
            assertThat(given.state().proposals()).isEmpty();
        }

        @Test
        void aCheckIsRefusedExactlyAsTheProposalWouldBe() {
            Given given = alphabeticalErrors();
            List<List<EditSpec>> refused = List.of(
                    List.of(addLink("s3", "Beta", "https://beta.example", "Something.")),
                    List.of(addLink("s3", "Zed", "https://nacos.io")),
                    List.of(addLink("s404", "Zed", "https://zed.example")),
                    List.of(addLink("s3", "Zed", "javascript:alert(1)")),
                    List.of());
            for (List<EditSpec> edits : refused) {
                Throwable proposing = catchThrowable(() -> given.when(new ListCommand.SubmitProposal(LIST, "p1", null, null, edits),
                        CAROL));
                given.refused(new ListCommand.CheckProposal(LIST, null, null, edits), CAROL)
                        .isExactlyInstanceOf(proposing.getClass()).hasMessage(proposing.getMessage());
            }
            given.refused(new ListCommand.CheckProposal(LIST, 2L, null, List.of(CONSUL)), CAROL)
                    .isExactlyInstanceOf(ListRuleException.UnknownBase.class);
            given.refused(new ListCommand.CheckProposal(LIST, null, null, List.of(CONSUL)), DAVE)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        }
    }

    @Nested
    class Amending {

        @Test
        void theAuthorAmendsAProposalSentBackAndItIsUnderReviewAgain() {
            Given given = Given.list(tools(), submitted(), by("alice", new ProposalChangesRequested(LIST, "p1", 1, "use etcd", "alice")));
            ListCommand.AmendProposal command = new ListCommand.AmendProposal(LIST, "p1", 1L, "etcd instead", List.of(ETCD));

            assertThat(given.decided(command, CAROL))
                    .containsExactly(new ProposalAmended(LIST, "p1", 2, 1, "etcd instead", List.of(ETCD), "carol"));
            given.answer(command, CAROL).isEqualTo(List.of());
            assertThat(given.after(command, CAROL).proposals().get("p1").revision()).isEqualTo(2);
        }

        @Test
        void onlyTheAuthorAmendsAndOnlyAnOpenProposal() {
            ListCommand.AmendProposal command = new ListCommand.AmendProposal(LIST, "p1", null, null, List.of(ETCD));
            Given.list(tools(), submitted()).refused(command, BOB)
                    .isExactlyInstanceOf(ListRuleException.NotAllowed.class)
                    .hasMessage("only its author carol can amend proposal p1");
            Given.list(tools(), submitted(), by("carol", new ProposalWithdrawn(LIST, "p1", "carol"))).refused(command, CAROL)
                    .isExactlyInstanceOf(ListRuleException.IllegalTransition.class)
                    .hasMessage("proposal p1 is withdrawn and cannot be amended");
            Given.list(tools()).refused(command, CAROL)
                    .isExactlyInstanceOf(ListRuleException.NoSuchProposal.class);
        }
    }

    @Nested
    class Comments {

        private static List<Given.Stored> comment(String id, String author) {
            return by(author, new ProposalCommented(LIST, "p1", id, 1, null, null, "a comment", author));
        }

        @Test
        void anyoneWithARoleCommentsOnTheWholeOnAnEditOrInReply() {
            assertThat(Given.list(tools(), submitted())
                    .decided(new ListCommand.CommentOnProposal(LIST, "p1", "c1", " Why Consul? ", 0, null), BOB))
                    .containsExactly(new ProposalCommented(LIST, "p1", "c1", 1, 0, null, "Why Consul?", "bob"));
            assertThat(Given.list(tools(), submitted(), comment("c1", "bob"))
                    .decided(new ListCommand.CommentOnProposal(LIST, "p1", "c2", "It is popular.", null, "c1"), CAROL))
                    .containsExactly(new ProposalCommented(LIST, "p1", "c2", 1, null, "c1", "It is popular.", "carol"));
            Given.list(tools(), submitted())
                    .refused(new ListCommand.CommentOnProposal(LIST, "p1", "c1", "hm", null, null), DAVE)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        }

        @Test
        void aCommentNamesAnEditAndACommentThatExistOnAnOpenProposal() {
            Given given = Given.list(tools(), submitted());
            given.refused(new ListCommand.CommentOnProposal(LIST, "p1", "c1", "x", 1, null), BOB)
                    .isExactlyInstanceOf(InputException.Invalid.class)
                    .hasMessageContaining("edits 0 to 0, not 1");
            given.refused(new ListCommand.CommentOnProposal(LIST, "p1", "c1", "x", null, "c9"), BOB)
                    .isExactlyInstanceOf(InputException.Invalid.class)
                    .hasMessage("replyTo: proposal p1 has no comment c9");
            Given.list(tools(), submitted(), by("carol", new ProposalWithdrawn(LIST, "p1", "carol")))
                    .refused(new ListCommand.CommentOnProposal(LIST, "p1", "c1", "late", null, null), BOB)
                    .isExactlyInstanceOf(ListRuleException.IllegalTransition.class);
        }

        @Test
        void aCommentIdIsGivenOnce() {
            Given.list(tools(), submitted(), comment("c1", "bob"))
                    .refused(new ListCommand.CommentOnProposal(LIST, "p1", "c1", "again", null, null), CAROL)
                    .isExactlyInstanceOf(ListRuleException.IllegalTransition.class)
                    .hasMessage("proposal p1 is commented with c1 and cannot be given it again");
        }

        @Test
        void aCuratorResolvesACommentOnce() {
            assertThat(Given.list(tools(), submitted(), comment("c1", "bob"))
                    .decided(new ListCommand.ResolveComment(LIST, "p1", "c1"), ALICE))
                    .containsExactly(new ProposalCommentResolved(LIST, "p1", "c1", "alice"));
            Given.list(tools(), submitted(), comment("c1", "bob"), by("alice", new ProposalCommentResolved(LIST, "p1", "c1", "alice")))
                    .refused(new ListCommand.ResolveComment(LIST, "p1", "c1"), BOB)
                    .isExactlyInstanceOf(ListRuleException.IllegalTransition.class);
            Given.list(tools(), submitted())
                    .refused(new ListCommand.ResolveComment(LIST, "p1", "c7"), ALICE)
                    .isExactlyInstanceOf(ListRuleException.NoSuchComment.class)
                    .hasMessage("proposal p1 has no comment c7");
            Given.list(tools(), submitted(), comment("c1", "bob"))
                    .refused(new ListCommand.ResolveComment(LIST, "p1", "c1"), CAROL)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        }
    }

    @Nested
    class SendingBackWithdrawingRejecting {

        @Test
        void aCuratorSendsAProposalBackWithAReasonButNotTheirOwn() {
            assertThat(Given.list(tools(), submitted()).decided(new ListCommand.RequestChanges(LIST, "p1", " use etcd "), ALICE))
                    .containsExactly(new ProposalChangesRequested(LIST, "p1", 1, "use etcd", "alice"));
            Given.list(tools(), by("alice", new ProposalSubmitted(LIST, "p1", 1, null, List.of(CONSUL), "alice", true)))
                    .refused(new ListCommand.RequestChanges(LIST, "p1", "hm"), ALICE)
                    .isExactlyInstanceOf(ListRuleException.NotAllowed.class);
            Given.list(tools(), submitted()).refused(new ListCommand.RequestChanges(LIST, "p1", " "), ALICE)
                    .isExactlyInstanceOf(InputException.Invalid.class);
            Given.list(tools(), submitted(), by("alice", new ProposalChangesRequested(LIST, "p1", 1, "use etcd", "alice")))
                    .refused(new ListCommand.RequestChanges(LIST, "p1", "again"), BOB)
                    .isExactlyInstanceOf(ListRuleException.IllegalTransition.class);
            Given.list(tools(), submitted()).refused(new ListCommand.RequestChanges(LIST, "p1", "no"), CAROL)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        }

        @Test
        void onlyTheAuthorWithdraws() {
            Given given = Given.list(tools(), submitted());
            given.refused(new ListCommand.WithdrawProposal(LIST, "p1"), BOB)
                    .isExactlyInstanceOf(ListRuleException.NotAllowed.class)
                    .hasMessage("only its author carol can withdraw proposal p1");
            assertThat(given.decided(new ListCommand.WithdrawProposal(LIST, "p1"), CAROL))
                    .containsExactly(new ProposalWithdrawn(LIST, "p1", "carol"));
        }

        @Test
        void aCuratorRejectsAnOpenProposalWithAReason() {
            Given given = Given.list(tools(), submitted());
            assertThat(given.decided(new ListCommand.RejectProposal(LIST, "p1", " duplicate "), ALICE))
                    .containsExactly(new ProposalRejected(LIST, "p1", "alice", "duplicate"));
            given.refused(new ListCommand.RejectProposal(LIST, "p1", " "), ALICE)
                    .isExactlyInstanceOf(InputException.Invalid.class)
                    .hasMessage("reason: a rejection needs a reason");
            given.refused(new ListCommand.RejectProposal(LIST, "p1", "no"), CAROL)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class);
            Given.list(tools(), submitted(), by("bob", new ProposalRejected(LIST, "p1", "bob", "no")))
                    .refused(new ListCommand.RejectProposal(LIST, "p1", "again"), ALICE)
                    .isExactlyInstanceOf(ListRuleException.IllegalTransition.class);
            Given.list(tools()).refused(new ListCommand.RejectProposal(LIST, "nope", "x"), ALICE)
                    .isExactlyInstanceOf(ListRuleException.NoSuchProposal.class)
                    .hasMessage("no proposal nope on this list");
        }
    }

    @Nested
    class Approving {

        @Test
        void anApprovalAppliesTheProposalAsOneNewVersion() {
            Given given = Given.list(tools(), submitted());

            Decision decision = given.when(approve(), ALICE);

            assertThat(decision.events()).containsExactly(new ProposalApproved(LIST, "p1", "alice", 2, 1, "why"), CONSUL_ADDED);
            assertThat(decision.version()).isEqualTo(2);
            given.answer(approve(), ALICE).isEqualTo(new ApprovalOutcome(2L, 1, 1, 1));
            assertThat(given.markdownAfter(approve(), ALICE)).isEqualTo(TOOLS + "* [Consul](https://consul.io)\n");
        }

        @Test
        void nobodyApprovesTheirOwnProposal() {
            Given.list(tools(), by("alice", new ProposalSubmitted(LIST, "p1", 1, "why", List.of(CONSUL), "alice", true)))
                    .refused(approve(), ALICE)
                    .isExactlyInstanceOf(ListRuleException.NotAllowed.class)
                    .hasMessage("nobody approves their own proposal; another curator must approve p1");
        }

        @Test
        void onlyACuratorOfTheListApproves() {
            Given.list(tools(), submitted()).refused(approve(), CAROL)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class);
            Given.list(tools(), by("alice", new MemberRoleSet(LIST, "bob", "contributor", "alice")), submitted())
                    .refused(approve(), BOB)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class)
                    .hasMessage("bob is a contributor of this list; to approve a proposal needs a curator "
                            + "(an owner of the list can grant it)");
        }

        @Test
        void onlyASubmittedProposalIsApproved() {
            Given.list(tools(), submitted(), by("carol", new ProposalWithdrawn(LIST, "p1", "carol")))
                    .refused(approve(), ALICE)
                    .isExactlyInstanceOf(ListRuleException.IllegalTransition.class)
                    .hasMessage("proposal p1 is withdrawn and cannot be approved");
            Given.list(tools(), submitted(), by("alice", new ProposalChangesRequested(LIST, "p1", 1, "use etcd", "alice")))
                    .refused(approve(), BOB)
                    .isExactlyInstanceOf(ListRuleException.IllegalTransition.class)
                    .hasMessage("proposal p1 is changes_requested and cannot be approved");
        }

        @Test
        void anApprovalExpectsTheCurrentVersionWhenItNamesOne() {
            Given.list(tools(), submitted()).refused(new ListCommand.ApproveProposal(LIST, "p1", 4L), ALICE)
                    .isExactlyInstanceOf(ListRuleException.VersionMismatch.class);
        }

        @Test
        void anApprovalAppliesTheLatestRevisionAndAnOlderOneIsStale() {
            Given given = Given.list(tools(), submitted(),
                    by("carol", new ProposalAmended(LIST, "p1", 2, 1, null, List.of(ETCD), "carol")));
            given.refused(new ListCommand.ApproveProposal(LIST, "p1", null, 1), ALICE)
                    .isExactlyInstanceOf(ListRuleException.StaleRevision.class)
                    .hasMessage("proposal p1 is at revision 2, not 1; an approval applies the latest revision: "
                            + "review it and approve revision 2");
            ListCommand.ApproveProposal latest = new ListCommand.ApproveProposal(LIST, "p1", null, 2);
            assertThat(given.decided(latest, ALICE)).containsExactly(new ProposalApproved(LIST, "p1", "alice", 2, 1, null), ETCD_ADDED);
            given.answer(latest, ALICE).isEqualTo(new ApprovalOutcome(2L, 2, 1, 1));
        }

        @Test
        void anApprovalIsCheckedAgainstTheListAsItIsNow() {
            // p1 and p2 rename the same link; p1 was applied first
            Given given = Given.list(tools(),
                    by("carol", new ProposalSubmitted(LIST, "p1", 1, "why", List.of(renameLink("e2", "Kafka A")), "carol", false)),
                    by("carol", new ProposalSubmitted(LIST, "p2", 1, "why", List.of(renameLink("e2", "Kafka B")), "carol", false)),
                    version(2, "alice", new ProposalApproved(LIST, "p1", "alice", 2, 1, "why"), new LinkEdited(LIST, "e2",
                            "* [Kafka A](https://kafka.apache.org)\n", "Kafka A", "https://kafka.apache.org", "")));
            given.refused(new ListCommand.ApproveProposal(LIST, "p2", null), BOB)
                    .isExactlyInstanceOf(EditException.Clash.class)
                    .hasMessage("items [e2] changed since version 1 (the list is at version 2)");
        }

        @Test
        void anApprovalIsRefusedWhenTheProfileMakesTheChangeAnErrorSince() {
            String linted = "# Tools\n- [Kafka](https://kafka.apache.org) - A log.\n## Links\n- [Nacos](https://nacos.io) - A registry.\n";
            Given.list(imported(linted, "alice"),
                            by("carol", new ProposalSubmitted(LIST, "p1", 1, null,
                                    List.of(addLink("s3", "Beta", "https://beta.example", "Something.")), "carol", false)),
                            by("alice", new LintProfileChanged(LIST, LintProfile.withChanges(Map.of("alphabetical", "error"), false)
                                    .toWire(), false, "alice")))
                    .refused(approve(), BOB)
                    .isExactlyInstanceOf(ListRuleException.LintErrors.class);
        }
    }

    /** The review policy: how many approvals, whether a curator author counts, whether amending dismisses approvals. */
    @Nested
    class ReviewPolicies {

        @Test
        void withTwoApprovalsTheFirstIsRecordedAndTheSecondApplies() {
            Given first = Given.list(tools(), submitted(), policy(2, false, true));
            assertThat(first.when(approve(), ALICE).events()).containsExactly(new ProposalApprovalRecorded(LIST, "p1", 1, "alice", 1, 2));
            assertThat(first.when(approve(), ALICE).version()).isEqualTo(1);
            first.answer(approve(), ALICE).isEqualTo(new ApprovalOutcome(null, 1, 1, 2));

            Given second = Given.list(tools(), submitted(), policy(2, false, true),
                    by("alice", new ProposalApprovalRecorded(LIST, "p1", 1, "alice", 1, 2)));
            second.refused(approve(), ALICE)
                    .isExactlyInstanceOf(ListRuleException.IllegalTransition.class)
                    .hasMessage("proposal p1 is approved by alice already and cannot be approved again by them");
            assertThat(second.decided(approve(), BOB)).containsExactly(new ProposalApproved(LIST, "p1", "bob", 2, 1, "why"), CONSUL_ADDED);
            second.answer(approve(), BOB).isEqualTo(new ApprovalOutcome(2L, 1, 2, 2));
        }

        @Test
        void amendingDismissesApprovalsUnlessThePolicyKeepsThem() {
            List<Given.Stored> approvedThenAmended = Given.all(by("alice", new ProposalApprovalRecorded(LIST, "p1", 1, "alice", 1, 2)),
                    by("carol", new ProposalAmended(LIST, "p1", 2, 1, null, List.of(ETCD), "carol")));
            assertThat(Given.list(tools(), submitted(), policy(2, false, true), approvedThenAmended).decided(approve(), BOB))
                    .containsExactly(new ProposalApprovalRecorded(LIST, "p1", 2, "bob", 1, 2));
            Given kept = Given.list(tools(), submitted(), policy(2, false, false), approvedThenAmended);
            kept.answer(approve(), BOB).isEqualTo(new ApprovalOutcome(2L, 2, 2, 2));
            kept.refused(approve(), ALICE).isExactlyInstanceOf(ListRuleException.IllegalTransition.class);
        }

        @Test
        void aCuratorAuthorCountsOnlyWhenThePolicySaysSo() {
            List<Given.Stored> byCurator = by("alice", new ProposalSubmitted(LIST, "p1", 1, "why", List.of(CONSUL), "alice", true));
            Given.list(tools(), policy(2, true, true), byCurator).answer(approve(), BOB)
                    .isEqualTo(new ApprovalOutcome(2L, 1, 2, 2));
            Given.list(tools(), policy(2, false, true), byCurator).answer(approve(), BOB)
                    .isEqualTo(new ApprovalOutcome(null, 1, 1, 2));
            // a contributor author does not count
            Given.list(tools(), policy(2, true, true), submitted()).answer(approve(), BOB)
                    .isEqualTo(new ApprovalOutcome(null, 1, 1, 2));
        }
    }

    @Nested
    class RevertProposals {

        private static final ContentRestored LINKS_BACK = new ContentRestored(LIST, "s1", 0, List.of(
                new DocumentNode(DocumentNode.Kind.SECTION, "s4", "s1", 2, "## Links\n", "Links", null, null),
                new DocumentNode(DocumentNode.Kind.ENTRY, "e5", "s4", null, "* [Nacos](https://nacos.io)\n", "Nacos",
                        "https://nacos.io", "")));

        private static List<Given.Stored> linksRemoved() {
            return changed(2, "alice", new SectionRemoved(LIST, "s4", List.of("e5")));
        }

        @Test
        void aContributorProposesARevertAndAnApprovalAppliesIt() {
            assertThat(Given.list(tools(), linksRemoved()).decided(new ListCommand.SubmitProposal(LIST, "p1", null, "bring Links back",
                    List.of(EditSpec.revert(2, null))), CAROL))
                    .containsExactly(new ProposalSubmitted(LIST, "p1", 2, "bring Links back", List.of(EditSpec.revert(2, null)),
                            "carol", false));

            Given given = Given.list(tools(), linksRemoved(), version(2, "carol", new ProposalSubmitted(LIST, "p1", 2,
                    "bring Links back", List.of(EditSpec.revert(2, null)), "carol", false)));
            assertThat(given.decided(approve(), ALICE))
                    .containsExactly(new ProposalApproved(LIST, "p1", "alice", 3, 2, "bring Links back"), LINKS_BACK);
            assertThat(given.markdownAfter(approve(), ALICE)).isEqualTo(TOOLS);
        }

        @Test
        void aProposedRevertIsItsProposalsOnlyEditAndMustApplyNow() {
            LinkEdited renamed = new LinkEdited(LIST, "e2", "* [Apache Kafka](https://kafka.apache.org)\n", "Apache Kafka",
                    "https://kafka.apache.org", "");
            Given.list(tools(), changed(2, "alice", renamed))
                    .refused(new ListCommand.SubmitProposal(LIST, "p1", null, null,
                            List.of(renameLink("e2", "K"), EditSpec.revert(2, null))), CAROL)
                    .isExactlyInstanceOf(EditException.Invalid.class)
                    .hasMessage("edits[1].op: a revert is a proposal's only edit; propose the other edits separately");
            Given.list(tools(), changed(2, "alice", renamed), changed(3, "bob", new LinkEdited(LIST, "e2",
                            "* [K](https://kafka.apache.org)\n", "K", "https://kafka.apache.org", "")))
                    .refused(new ListCommand.SubmitProposal(LIST, "p1", null, null, List.of(EditSpec.revert(2, null))), CAROL)
                    .isExactlyInstanceOf(EditException.Clash.class);
            Given.list(tools(), changed(2, "alice", renamed))
                    .refused(new ListCommand.SubmitProposal(LIST, "p1", null, null, List.of(EditSpec.revert(1, null))), CAROL)
                    .isExactlyInstanceOf(ListRuleException.NotRevertible.class);
        }
    }

    @Nested
    class LintFixProposals {

        /** ids: s1 Tools, e2 Kafka (its description wants a capital letter) */
        private static final String UNFIXED = "# Tools\n- [Kafka](https://kafka.apache.org) - a log.\n";

        @Test
        void aCuratorAsksForAProposalOfTheFixesWhichAnotherCuratorApproves() {
            Given given = Given.list(imported(UNFIXED, "alice"));
            ListCommand.ProposeLintFixes command = new ListCommand.ProposeLintFixes(LIST, "fix-1", List.of("description-capital"));
            EditSpec fix = new EditSpec("editLink", null, "e2", null, null, null, null, null, "A log.", null, null);

            assertThat(given.decided(command, BOB)).containsExactly(new ProposalSubmitted(LIST, "fix-1", 1,
                    "Lint fixes: description-capital (1).", List.of(fix), "bob", true));
            given.answer(command, BOB).isEqualTo(List.of());
            given.refused(command, CAROL).isExactlyInstanceOf(ListRuleException.Forbidden.class);
        }

        @Test
        void aListWithNothingToFixGetsNoProposal() {
            Given given = Given.list(tools());
            given.refused(new ListCommand.ProposeLintFixes(LIST, "fix-1", List.of("description-capital")), BOB)
                    .isExactlyInstanceOf(ListRuleException.NothingToFix.class)
                    .hasMessage("the list has no problem of description-capital to fix");
            given.refused(new ListCommand.ProposeLintFixes(LIST, "fix-1", List.of("link-url")), BOB)
                    .isExactlyInstanceOf(InputException.Invalid.class);
        }
    }
}

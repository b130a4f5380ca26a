package dev.curation.core.decider;

import static dev.curation.core.decider.Given.version;
import static dev.curation.core.decider.Lists.ALICE;
import static dev.curation.core.decider.Lists.BOB;
import static dev.curation.core.decider.Lists.CAROL;
import static dev.curation.core.decider.Lists.DAVE;
import static dev.curation.core.decider.Lists.LIST;
import static dev.curation.core.decider.Lists.TOOLS;
import static dev.curation.core.decider.Lists.changed;
import static dev.curation.core.decider.Lists.imported;
import static dev.curation.core.decider.Lists.renameLink;
import static dev.curation.core.decider.Lists.tools;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.MemberRemoved;
import dev.curation.core.list.MemberRoleSet;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalSubmitted;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Given-when-then for members per list: the importer owns the list, owners give and take roles,
 * the last owner stays, and every rule asks for the role an account has on this list (its
 * members' word over a global role).
 */
class MembershipDecisionsTest {

    private static final EditSpec RENAME = renameLink("e2", "Apache Kafka");
    private static final LinkEdited RENAMED = new LinkEdited(LIST, "e2", "* [Apache Kafka](https://kafka.apache.org)\n",
            "Apache Kafka", "https://kafka.apache.org", "");

    private static List<Given.Stored> member(String name, String role) {
        return version(1, "alice", new MemberRoleSet(LIST, name, role, "alice"));
    }

    private static List<Given.Stored> proposal(String author) {
        return version(1, author, new ProposalSubmitted(LIST, "p1", 1, "why", List.of(RENAME), author, false));
    }

    @Test
    void theImporterOwnsTheListAndGivesRoles() {
        assertThat(Given.list(tools()).decided(new ListCommand.SetMemberRole(LIST, "dave", "curator"), ALICE))
                .containsExactly(new MemberRoleSet(LIST, "dave", "curator", "alice"));
        // a wire name in any case is the role
        assertThat(Given.list(tools()).decided(new ListCommand.SetMemberRole(LIST, "dave", " Owner "), ALICE))
                .containsExactly(new MemberRoleSet(LIST, "dave", "owner", "alice"));
        assertThat(Given.list(tools(), member("dave", "contributor"))
                .decided(new ListCommand.SetMemberRole(LIST, "dave", "curator"), ALICE))
                .containsExactly(new MemberRoleSet(LIST, "dave", "curator", "alice"));
    }

    @Test
    void givingSomeoneTheRoleTheyHaveDecidesNothing() {
        Decision decision = Given.list(tools(), member("dave", "curator"))
                .when(new ListCommand.SetMemberRole(LIST, "dave", "curator"), ALICE);
        assertThat(decision.events()).isEmpty();
        assertThat(decision.version()).isEqualTo(1);
    }

    @Test
    void anotherOwnerManagesMembersTooAndMayRemoveTheFirst() {
        assertThat(Given.list(tools(), member("dave", "owner")).decided(new ListCommand.RemoveMember(LIST, "alice"), DAVE))
                .containsExactly(new MemberRemoved(LIST, "alice", "dave"));
        assertThat(Given.list(tools(), member("dave", "owner")).decided(new ListCommand.SetMemberRole(LIST, "alice", "curator"), DAVE))
                .containsExactly(new MemberRoleSet(LIST, "alice", "curator", "dave"));
    }

    @Test
    void onlyOwnersManageMembers() {
        // bob curates every list, which makes him no owner of this one
        Given.list(tools()).refused(new ListCommand.SetMemberRole(LIST, "dave", "curator"), BOB)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class)
                .hasMessage("bob is a curator of this list; to manage the list's members needs an owner "
                        + "(an owner of the list can grant it)");
        Given.list(tools(), member("dave", "curator")).refused(new ListCommand.RemoveMember(LIST, "alice"), DAVE)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        // a list imported before members has no owner: nobody manages its members
        Given.list(imported(TOOLS, null)).refused(new ListCommand.SetMemberRole(LIST, "dave", "curator"), ALICE)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class);
    }

    @Test
    void theLastOwnerStays() {
        Given.list(tools()).refused(new ListCommand.RemoveMember(LIST, "alice"), ALICE)
                .isExactlyInstanceOf(ListRuleException.LastOwner.class)
                .hasMessage("alice is the list's only owner; make someone else an owner first");
        Given.list(tools()).refused(new ListCommand.SetMemberRole(LIST, "alice", "contributor"), ALICE)
                .isExactlyInstanceOf(ListRuleException.LastOwner.class);
        // with a second owner she may step down
        assertThat(Given.list(tools(), member("dave", "owner")).decided(new ListCommand.SetMemberRole(LIST, "alice", "curator"), ALICE))
                .containsExactly(new MemberRoleSet(LIST, "alice", "curator", "alice"));
    }

    @Test
    void aMemberIsNamedWithARoleThatExists() {
        Given given = Given.list(tools());
        given.refused(new ListCommand.SetMemberRole(LIST, "dave", "admin"), ALICE)
                .isExactlyInstanceOf(InputException.Invalid.class)
                .hasMessage("role: must be one of owner, curator, contributor, not 'admin'");
        given.refused(new ListCommand.SetMemberRole(LIST, " ", "curator"), ALICE)
                .isExactlyInstanceOf(InputException.Invalid.class)
                .hasMessage("member: is required: an account name");
        given.refused(new ListCommand.RemoveMember(LIST, null), ALICE)
                .isExactlyInstanceOf(InputException.Invalid.class);
    }

    @Test
    void removingSomeoneWithoutARoleOfTheirOwnIsRefused() {
        Given.list(tools()).refused(new ListCommand.RemoveMember(LIST, "dave"), ALICE)
                .isExactlyInstanceOf(ListRuleException.NoSuchMember.class)
                .hasMessage("dave has no role of its own on this list");
        // bob's global role is no role of his own here
        Given.list(tools()).refused(new ListCommand.RemoveMember(LIST, "bob"), ALICE)
                .isExactlyInstanceOf(ListRuleException.NoSuchMember.class);
    }

    @Test
    void aCuratorOfThisListReviewsAndEditsIt() {
        assertThat(Given.list(tools(), member("dave", "curator"), proposal("carol"))
                .decided(new ListCommand.ApproveProposal(LIST, "p1", null), DAVE))
                .containsExactly(new ProposalApproved(LIST, "p1", "dave", 2, 1, "why"), RENAMED);
        assertThat(Given.list(tools(), member("dave", "curator"))
                .decided(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(RENAME), null), DAVE))
                .containsExactly(new ChangeSetApplied(LIST, 2, 1, null), RENAMED);
    }

    @Test
    void aContributorOfThisListProposesButNeitherReviewsNorEdits() {
        Given given = Given.list(tools(), member("dave", "contributor"), proposal("carol"));
        given.refused(new ListCommand.ApproveProposal(LIST, "p1", null), DAVE)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class)
                .hasMessage("dave is a contributor of this list; to approve a proposal needs a curator "
                        + "(an owner of the list can grant it)");
        given.refused(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(RENAME), null), DAVE)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        given.refused(new ListCommand.RevertVersion(LIST, 2L), DAVE)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        given.refused(new ListCommand.RollBack(LIST, "alice"), DAVE)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        assertThat(given.decided(new ListCommand.SubmitProposal(LIST, "p2", null, null, List.of(RENAME)), DAVE))
                .containsExactly(new ProposalSubmitted(LIST, "p2", 1, null, List.of(RENAME), "dave", false));
    }

    @Test
    void theListsWordWinsOverAGlobalRole() {
        // bob curates every list that says nothing else; this one makes him a contributor
        Given.list(tools(), member("bob", "contributor"), proposal("carol"))
                .refused(new ListCommand.ApproveProposal(LIST, "p1", null), BOB)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class)
                .hasMessage("bob is a contributor of this list; to approve a proposal needs a curator "
                        + "(an owner of the list can grant it)");
        // and carol, a global contributor, may be made a curator of this one
        assertThat(Given.list(tools(), member("carol", "curator"), changed(2, "alice", RENAMED))
                .decided(new ListCommand.RevertVersion(LIST, 2L), CAROL)).hasSize(2);
    }

    @Test
    void anAccountWithoutARoleHereMayDoNothingAndARemovedMemberLosesTheirs() {
        Given.list(tools()).refused(new ListCommand.SubmitProposal(LIST, "p2", null, null, List.of(RENAME)), DAVE)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class)
                .hasMessage("dave has no role on this list; to propose a change needs a contributor "
                        + "(an owner of the list can grant it)");
        assertThat(Given.list(tools(), member("dave", "curator")).decided(new ListCommand.RemoveMember(LIST, "dave"), ALICE))
                .containsExactly(new MemberRemoved(LIST, "dave", "alice"));
        Given.list(tools(), member("dave", "curator"), version(1, "alice", new MemberRemoved(LIST, "dave", "alice")))
                .refused(new ListCommand.ChangeReviewPolicy(LIST, 2, false, true), DAVE)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class)
                .hasMessage("dave has no role on this list; to set the review policy needs a curator "
                        + "(an owner of the list can grant it)");
    }

    @Test
    void aRoleCheckIsAcceptedWithoutAnEventOrRefusedAsAnyCommand() {
        ListCommand.CheckRole curates = new ListCommand.CheckRole(LIST, ListRole.CURATOR, "read the webhooks");
        Decision accepted = Given.list(tools()).when(curates, BOB);
        assertThat(accepted.events()).isEmpty();
        assertThat(accepted.version()).isEqualTo(1);
        Given.list(tools()).answer(curates, BOB).isNull();
        Given.list(tools()).refused(curates, CAROL)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class)
                .hasMessage("carol is a contributor of this list; to read the webhooks needs a curator "
                        + "(an owner of the list can grant it)");
        Given.list(tools()).refused(new ListCommand.CheckRole(LIST, ListRole.OWNER, "see the members"), BOB)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        assertThat(Given.list(tools(), member("dave", "owner"))
                .decided(new ListCommand.CheckRole(LIST, ListRole.OWNER, "see the members"), DAVE)).isEmpty();
    }
}

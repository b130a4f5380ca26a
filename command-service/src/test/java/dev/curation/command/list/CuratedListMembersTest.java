package dev.curation.command.list;

import static dev.curation.command.list.CuratedListFixture.actor;
import static dev.curation.command.list.CuratedListFixture.with;

import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.MemberRemoved;
import dev.curation.core.list.MemberRoleSet;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalSubmitted;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Given-when-then for members per list: the importer owns the list, owners give roles, and every
 * rule is checked against the role an account has on this list (dave has no global role; carol may
 * propose everywhere; alice and bob curate every list, as the local stack configures them).
 */
class CuratedListMembersTest {

    private static final String LIST = "list-1";
    private static final String MARKDOWN = "# Tools\n* [Kafka](https://kafka.apache.org)\n\n## Links\n* [Nacos](https://nacos.io)\n";
    private static final EditSpec RENAME = new EditSpec("editLink", null, "e2", null, null, null, "Apache Kafka", null, null,
            null, null);

    private AggregateTestFixture<CuratedList> fixture;

    @BeforeEach
    void setUp() {
        fixture = CuratedListFixture.of((slug, id) -> {
        });
    }

    @Test
    void theImporterOwnsTheListAndGivesRoles() {
        fixture.given(imported())
                .when(new ListCommand.SetMemberRole(LIST, "dave", "curator"), actor("alice"))
                .expectEvents(new MemberRoleSet(LIST, "dave", "curator", "alice"));
        fixture.given(with(imported(), member("dave", "curator")))
                .when(new ListCommand.SetMemberRole(LIST, "dave", "curator"), actor("alice"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(with(imported(), member("dave", "owner")))
                .when(new ListCommand.RemoveMember(LIST, "alice"), dave())
                .expectEvents(new MemberRemoved(LIST, "alice", "dave"));
    }

    @Test
    void onlyOwnersManageMembersAndTheLastOwnerStays() {
        // bob curates every list, which makes him no owner of this one
        fixture.given(imported())
                .when(new ListCommand.SetMemberRole(LIST, "dave", "curator"), actor("bob"))
                .expectException(ListRuleException.Forbidden.class)
                .expectExceptionMessage("bob is a curator of this list; to manage the list's members needs an owner "
                        + "(an owner of the list can grant it)")
                .expectNoEvents();
        fixture.given(imported())
                .when(new ListCommand.RemoveMember(LIST, "alice"), actor("alice"))
                .expectException(ListRuleException.LastOwner.class)
                .expectNoEvents();
        fixture.given(imported())
                .when(new ListCommand.SetMemberRole(LIST, "alice", "contributor"), actor("alice"))
                .expectException(ListRuleException.LastOwner.class)
                .expectNoEvents();
        fixture.given(imported())
                .when(new ListCommand.SetMemberRole(LIST, "dave", "admin"), actor("alice"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage("role: must be one of owner, curator, contributor, not 'admin'")
                .expectNoEvents();
        fixture.given(imported())
                .when(new ListCommand.RemoveMember(LIST, "dave"), actor("alice"))
                .expectException(ListRuleException.NoSuchMember.class)
                .expectNoEvents();
    }

    @Test
    void aCuratorOfThisListReviewsAndEditsIt() {
        List<Object> history = with(imported(), member("dave", "curator"), proposal("carol"));
        fixture.given(history)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), dave())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.matches(p -> p instanceof ProposalApproved),
                                org.axonframework.test.matchers.Matchers.matches(p -> true),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        fixture.given(with(imported(), member("dave", "curator")))
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(RENAME), null), dave())
                .expectSuccessfulHandlerExecution();
        // a curator of this list proposing counts as a curator author for the review policy
        fixture.given(with(imported(), member("dave", "curator")))
                .when(new ListCommand.SubmitProposal(LIST, "p2", null, null, List.of(RENAME)), dave())
                .expectEvents(new ProposalSubmitted(LIST, "p2", 1, null, List.of(RENAME), "dave", true));
    }

    @Test
    void aContributorOfThisListProposesButNeitherReviewsNorEdits() {
        List<Object> history = with(imported(), member("dave", "contributor"), proposal("carol"));
        fixture.given(history)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), dave())
                .expectException(ListRuleException.Forbidden.class)
                .expectExceptionMessage("dave is a contributor of this list; to approve a proposal needs a curator "
                        + "(an owner of the list can grant it)")
                .expectNoEvents();
        fixture.given(with(imported(), member("dave", "contributor")))
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(RENAME), null), dave())
                .expectException(ListRuleException.Forbidden.class)
                .expectNoEvents();
        fixture.given(with(imported(), member("dave", "contributor")))
                .when(new ListCommand.RevertVersion(LIST, 2L), dave())
                .expectException(ListRuleException.Forbidden.class)
                .expectNoEvents();
        fixture.given(with(imported(), member("dave", "contributor")))
                .when(new ListCommand.SubmitProposal(LIST, "p2", null, null, List.of(RENAME)), dave())
                .expectEvents(new ProposalSubmitted(LIST, "p2", 1, null, List.of(RENAME), "dave", false));
    }

    @Test
    void theListsWordWinsOverAGlobalRole() {
        // bob curates every list that says nothing else; this one makes him a contributor
        fixture.given(with(imported(), member("bob", "contributor"), proposal("carol")))
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("bob"))
                .expectException(ListRuleException.Forbidden.class)
                .expectExceptionMessage("bob is a contributor of this list; to approve a proposal needs a curator "
                        + "(an owner of the list can grant it)")
                .expectNoEvents();
        fixture.given(with(imported(), member("bob", "contributor")))
                .when(new ListCommand.SubmitProposal(LIST, "p2", null, null, List.of(RENAME)), actor("bob"))
                .expectEvents(new ProposalSubmitted(LIST, "p2", 1, null, List.of(RENAME), "bob", false));
    }

    @Test
    void anAccountWithoutARoleHereMayNotEvenPropose() {
        fixture.given(imported())
                .when(new ListCommand.SubmitProposal(LIST, "p2", null, null, List.of(RENAME)), dave())
                .expectException(ListRuleException.Forbidden.class)
                .expectExceptionMessage("dave has no role on this list; to propose a change needs a contributor "
                        + "(an owner of the list can grant it)")
                .expectNoEvents();
        fixture.given(with(imported(), member("dave", "curator")))
                .when(new ListCommand.RemoveMember(LIST, "dave"), actor("alice"))
                .expectEvents(new MemberRemoved(LIST, "dave", "alice"));
        fixture.given(with(imported(), member("dave", "curator"), List.of(new GenericDomainEventMessage<>("CuratedList", LIST, 0,
                        new MemberRemoved(LIST, "dave", "alice"), MetaData.with(EventMetadata.VERSION, 1L)))))
                .when(new ListCommand.ChangeReviewPolicy(LIST, 2, false, true), dave())
                .expectException(ListRuleException.Forbidden.class)
                .expectNoEvents();
    }

    private static MetaData dave() {
        return actor("dave", "");
    }

    /** The import, stored as alice's: she owns the list. */
    private static List<Object> imported() {
        List<Object> messages = new ArrayList<>();
        for (ListEvent e : ImportEvents.of(new ImportList(LIST, "tools", MARKDOWN))) {
            messages.add(new GenericDomainEventMessage<>("CuratedList", LIST, 0, e,
                    MetaData.with(EventMetadata.VERSION, 1L).and(EventMetadata.ACTOR, "alice")));
        }
        return messages;
    }

    private static List<Object> member(String name, String role) {
        return CuratedListFixture.versioned(LIST, 1, new MemberRoleSet(LIST, name, role, "alice"));
    }

    private static List<Object> proposal(String author) {
        return CuratedListFixture.versioned(LIST, 1, new ProposalSubmitted(LIST, "p1", 1, "why", List.of(RENAME), author, false));
    }
}

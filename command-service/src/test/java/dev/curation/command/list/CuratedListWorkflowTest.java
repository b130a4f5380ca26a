package dev.curation.command.list;

import dev.curation.core.input.InputException;


import static dev.curation.command.list.CuratedListFixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import dev.curation.core.document.Entry;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.RevertOutcome;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalRejected;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.ProposalWithdrawn;
import dev.curation.core.list.VersionReverted;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given-when-then for every rule of direct edits and proposals. */
class CuratedListWorkflowTest {

    private static final String LIST = "list-1";
    /** ids: s1 Tools, e2 Kafka, t3 blank, s4 Links, e5 Nacos */
    private static final String MARKDOWN = "# Tools\n* [Kafka](https://kafka.apache.org)\n\n## Links\n* [Nacos](https://nacos.io)\n";

    private AggregateTestFixture<CuratedList> fixture;

    @BeforeEach
    void setUp() {
        fixture = CuratedListFixture.of((slug, id) -> {
        });
    }

    @Test
    void curatorChangeSetIsOneNewVersion() {
        fixture.given(imported())
                .when(new ListCommand.ApplyChangeSet(LIST, 1L, "more tools", List.of(addLink("s1", "Pulsar", "https://pulsar.apache.org")), null),
                        actor("alice"))
                .expectResultMessagePayload(new dev.curation.core.list.ChangeAccepted(2L, List.of()))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new ChangeSetApplied(LIST, 2, 1, "more tools"))),
                        messageWithPayload(equalTo(new LinkAdded(LIST, "e6", "s1", 1,
                                "* [Pulsar](https://pulsar.apache.org)\n", "Pulsar", "https://pulsar.apache.org", ""))),
                        andNoMore()))
                .expectState(list -> {
                    assertThat(list.state().version()).isEqualTo(2);
                    assertThat(MarkdownWriter.write(list.state().document()))
                            .isEqualTo(MARKDOWN.replace("org)\n\n", "org)\n* [Pulsar](https://pulsar.apache.org)\n\n"));
                });
    }

    @Test
    void staleBaseIsRebasedWhenNothingItTouchesChanged() {
        fixture.given(with(imported(), version(2, new LinkEdited(LIST, "e2", "* [Apache Kafka](https://kafka.apache.org)\n",
                        "Apache Kafka", "https://kafka.apache.org", ""))))
                .when(new ListCommand.ApplyChangeSet(LIST, 1L, null, List.of(edit("e5", "Nacos 2")), null), actor("bob"))
                .expectResultMessagePayload(new dev.curation.core.list.ChangeAccepted(3L, List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void staleBaseTouchingAChangedItemClashesAndAppliesNothing() {
        fixture.given(with(imported(), version(2, new LinkEdited(LIST, "e2", "* [Apache Kafka](https://kafka.apache.org)\n",
                        "Apache Kafka", "https://kafka.apache.org", ""))))
                .when(new ListCommand.ApplyChangeSet(LIST, 1L, null, List.of(edit("e2", "Kafka!"), edit("e5", "x")), null),
                        actor("bob"))
                .expectExceptionMessage("items [e2] changed since version 1 (the list is at version 2)")
                .expectException(EditException.Clash.class)
                .expectNoEvents();
    }

    @Test
    void ifMatchMustNameTheCurrentVersion() {
        fixture.given(imported())
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(edit("e2", "K")), 7L), actor("alice"))
                .expectException(ListRuleException.VersionMismatch.class)
                .expectNoEvents();
    }

    @Test
    void invalidEditsAreRefusedWithTheFieldNamed() {
        fixture.given(imported())
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(edit("e2", "ok"),
                        addLink("s1", "evil", "javascript:alert(1)")), null), actor("alice"))
                .expectException(EditException.Invalid.class)
                .expectExceptionMessage("edits[1].url: scheme must be http, https or mailto, not 'javascript'")
                .expectNoEvents();
    }

    @Test
    void unknownOpAndUnknownIdsAreRefused() {
        fixture.given(imported())
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(new EditSpec("frobnicate", null, null, null,
                        null, null, null, null, null, null, null)), null), actor("alice"))
                .expectException(EditException.Invalid.class)
                .expectNoEvents();
        fixture.given(imported())
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(edit("e99", "x")), null), actor("alice"))
                .expectException(EditException.UnknownItem.class);
    }

    @Test
    void aUrlAlreadyInTheListIsAConflictNamingTheEntry() {
        fixture.given(imported())
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(addLink("s4", "Nacos again", "https://nacos.io/")), null),
                        actor("alice"))
                .expectException(EditException.DuplicateUrl.class)
                .expectExceptionMessage("edits[0].url: https://nacos.io/ is already in the list as entry e5");
    }

    @Test
    void anyoneSignedInProposes() {
        fixture.given(imported())
                .when(new ListCommand.SubmitProposal(LIST, "p1", 1L, "a registry", List.of(addLink("s4", "Consul", "https://consul.io"))),
                        actor("carol"))
                .expectEventsMatching(exactSequenceOf(messageWithPayload(instanceOf(ProposalSubmitted.class)), andNoMore()))
                .expectState(list -> {
                    assertThat(list.state().version()).isEqualTo(1);
                    assertThat(list.state().proposals().get("p1").author()).isEqualTo("carol");
                });
    }

    @Test
    void approvalAppliesTheProposalAsOneVersion() {
        fixture.given(with(imported(), proposal("p1", "carol", addLink("s4", "Consul", "https://consul.io"))))
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("alice"))
                .expectResultMessagePayload(new dev.curation.core.list.ApprovalOutcome(2L, 1, 1, 1))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new ProposalApproved(LIST, "p1", "alice", 2, 1, "why"))),
                        messageWithPayload(instanceOf(LinkAdded.class)),
                        andNoMore()))
                .expectState(list -> assertThat(list.state().document().block("e6")).isInstanceOf(Entry.class));
    }

    @Test
    void nobodyApprovesTheirOwnProposal() {
        fixture.given(with(imported(), proposal("p1", "alice", addLink("s4", "Consul", "https://consul.io"))))
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("alice"))
                .expectException(ListRuleException.NotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void onlyTheAuthorWithdraws() {
        fixture.given(with(imported(), proposal("p1", "carol", edit("e2", "K"))))
                .when(new ListCommand.WithdrawProposal(LIST, "p1"), actor("bob"))
                .expectException(ListRuleException.NotAllowed.class);
        fixture.given(with(imported(), proposal("p1", "carol", edit("e2", "K"))))
                .when(new ListCommand.WithdrawProposal(LIST, "p1"), actor("carol"))
                .expectEvents(new ProposalWithdrawn(LIST, "p1", "carol"));
    }

    @Test
    void illegalTransitionsAreConflicts() {
        List<Object> withdrawn = with(with(imported(), proposal("p1", "carol", edit("e2", "K"))),
                versioned(1, new ProposalWithdrawn(LIST, "p1", "carol")));
        fixture.given(withdrawn)
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("alice"))
                .expectException(ListRuleException.IllegalTransition.class)
                .expectExceptionMessage("proposal p1 is withdrawn and cannot be approved");
        List<Object> rejected = with(with(imported(), proposal("p1", "carol", edit("e2", "K"))),
                versioned(1, new ProposalRejected(LIST, "p1", "bob", "no")));
        fixture.given(rejected)
                .when(new ListCommand.RejectProposal(LIST, "p1", "again"), actor("alice"))
                .expectException(ListRuleException.IllegalTransition.class);
        fixture.given(imported())
                .when(new ListCommand.RejectProposal(LIST, "nope", "x"), actor("alice"))
                .expectException(ListRuleException.NoSuchProposal.class);
    }

    @Test
    void rejectionNeedsAReason() {
        fixture.given(with(imported(), proposal("p1", "carol", edit("e2", "K"))))
                .when(new ListCommand.RejectProposal(LIST, "p1", " "), actor("alice"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage("reason: a rejection needs a reason")
                .expectNoEvents();
        fixture.given(with(imported(), proposal("p1", "carol", edit("e2", "K"))))
                .when(new ListCommand.RejectProposal(LIST, "p1", "duplicate"), actor("alice"))
                .expectEvents(new ProposalRejected(LIST, "p1", "alice", "duplicate"));
    }

    @Test
    void twoProposalsOnOneLinkFirstAppliesSecondClashes() {
        List<Object> history = with(with(imported(), proposal("p1", "carol", edit("e2", "Kafka A"))),
                proposal("p2", "carol", edit("e2", "Kafka B")));
        history = with(history, version(2, new ProposalApproved(LIST, "p1", "alice", 2, 1, "why"),
                new LinkEdited(LIST, "e2", "* [Kafka A](https://kafka.apache.org)\n", "Kafka A", "https://kafka.apache.org", "")));
        fixture.given(history)
                .when(new ListCommand.ApproveProposal(LIST, "p2", null), actor("bob"))
                .expectException(EditException.Clash.class)
                .expectNoEvents();
    }

    @Test
    void aProposalThatCannotApplyIsRefusedAtOnce() {
        fixture.given(imported())
                .when(new ListCommand.SubmitProposal(LIST, "p1", null, null, List.of(edit("e404", "x"))), actor("carol"))
                .expectException(EditException.UnknownItem.class)
                .expectNoEvents();
    }

    @Test
    void revertUndoesAVersionAsANewOne() {
        List<Object> history = with(imported(), version(2, new ChangeSetApplied(LIST, 2, 1, null),
                new LinkEdited(LIST, "e2", "* [Apache Kafka](https://kafka.apache.org)\n", "Apache Kafka", "https://kafka.apache.org", "")));
        fixture.given(history)
                .when(new ListCommand.RevertVersion(LIST, 2L), actor("bob"))
                .expectResultMessagePayload(new RevertOutcome(3, 2, 2, null))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new VersionReverted(LIST, 3, 2, null, null, "bob"))),
                        messageWithPayload(equalTo(new LinkEdited(LIST, "e2", "* [Kafka](https://kafka.apache.org)\n",
                                "Kafka", "https://kafka.apache.org", ""))),
                        andNoMore()))
                .expectState(list -> assertThat(MarkdownWriter.write(list.state().document())).isEqualTo(MARKDOWN));
    }

    @Test
    void revertClashesWithLaterChangesToTheSameItem() {
        List<Object> history = with(imported(),
                version(2, new ChangeSetApplied(LIST, 2, 1, null), new LinkEdited(LIST, "e2", "* [A](https://kafka.apache.org)\n", "A", "https://kafka.apache.org", "")),
                version(3, new ChangeSetApplied(LIST, 3, 2, null), new LinkEdited(LIST, "e2", "* [B](https://kafka.apache.org)\n", "B", "https://kafka.apache.org", "")));
        fixture.given(history)
                .when(new ListCommand.RevertVersion(LIST, 2L), actor("bob"))
                .expectException(EditException.Clash.class)
                .expectNoEvents();
        fixture.given(imported())
                .when(new ListCommand.RevertVersion(LIST, 1L), actor("bob"))
                .expectException(ListRuleException.NotRevertible.class)
                .expectExceptionMessage("version 1 is the import of the list; it cannot be reverted");
    }

    @Test
    void aRevertNamesAVersionTheListHas() {
        fixture.given(imported())
                .when(new ListCommand.RevertVersion(LIST, null), actor("bob"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage("version: is required: the version to revert")
                .expectNoEvents();
        fixture.given(imported())
                .when(new ListCommand.RevertVersion(LIST, 9L), actor("bob"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage("version: this list has no version 9 (it is at version 1)")
                .expectNoEvents();
    }

    @Test
    void hostileInputIsRefusedBeforeAnyEventExists() {
        fixture.given(imported())
                .when(new ListCommand.SubmitProposal(LIST, "p1", null, "why\u0000", List.of(edit("e2", "ok"))), actor("carol"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage("rationale: must not contain a control character (U+0000 at index 3)")
                .expectNoEvents();
        EditSpec smuggling = new EditSpec("removeLink", null, "e2", null, null, null, null, null, null, "x".repeat(100_000), null);
        fixture.given(imported())
                .when(new ListCommand.SubmitProposal(LIST, "p1", null, null, List.of(smuggling)), actor("carol"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage("edits[0].text: is not used by op 'removeLink'; send only the fields the op takes")
                .expectNoEvents();
        List<EditSpec> withNull = new ArrayList<>();
        withNull.add(null);
        fixture.given(imported())
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, withNull, null), actor("alice"))
                .expectException(InputException.Invalid.class)
                .expectNoEvents();
        fixture.given(imported(), proposal("p1", "carol", edit("e2", "x")))
                .when(new ListCommand.RejectProposal(LIST, "p1", "no\u0085"), actor("alice"))
                .expectException(InputException.Invalid.class)
                .expectNoEvents();
    }

    // --- helpers: event histories with the metadata the aggregate relies on

    private static MetaData actor(String name) {
        return CuratedListFixture.actor(name);
    }

    private static EditSpec addLink(String section, String title, String url) {
        return new EditSpec("addLink", section, null, null, null, null, title, url, null, null, null);
    }

    private static EditSpec edit(String entry, String title) {
        return new EditSpec("editLink", null, entry, null, null, null, title, null, null, null, null);
    }

    private List<Object> imported() {
        List<Object> events = new ArrayList<>();
        for (ListEvent e : ImportEvents.of(new ImportList(LIST, "tools", MARKDOWN))) {
            events.add(versioned(1, e).getFirst());
        }
        return events;
    }

    private List<Object> proposal(String id, String author, EditSpec edit) {
        return versioned(1, new ProposalSubmitted(LIST, id, 1, "why", List.of(edit), author));
    }

    private List<Object> version(long version, ListEvent... events) {
        return versioned(version, events);
    }

    private static List<Object> versioned(long version, ListEvent... events) {
        return CuratedListFixture.versioned(LIST, version, events);
    }
}

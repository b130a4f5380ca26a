package dev.curation.command.list;

import static dev.curation.command.list.CuratedListFixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.equalTo;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ContentRestored;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.LinkRemoved;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.RevertOutcome;
import dev.curation.core.list.SectionRemoved;
import dev.curation.core.list.VersionReverted;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given-when-then for reverts of every kind, ranges and rollbacks, and their refusals. */
class CuratedListRevertTest {

    private static final String LIST = "list-1";
    /** ids: s1 Tools, e2 Kafka, t3 blank, s4 Links, e5 Nacos */
    private static final String MARKDOWN = "# Tools\n* [Kafka](https://kafka.apache.org)\n\n## Links\n* [Nacos](https://nacos.io)\n";
    private static final LinkEdited KAFKA_RENAMED = new LinkEdited(LIST, "e2", "* [Apache Kafka](https://kafka.apache.org)\n",
            "Apache Kafka", "https://kafka.apache.org", "");
    private static final LinkEdited NACOS_RENAMED = new LinkEdited(LIST, "e5", "* [Nacos 2](https://nacos.io)\n",
            "Nacos 2", "https://nacos.io", "");

    private AggregateTestFixture<CuratedList> fixture;

    @BeforeEach
    void setUp() {
        fixture = CuratedListFixture.of((slug, id) -> {
        });
    }

    @Test
    void aRemovedTopicComesBackWithItsIdsAndBytes() {
        fixture.given(with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null),
                        new SectionRemoved(LIST, "s4", List.of("e5")))))
                .when(new ListCommand.RevertVersion(LIST, 2L), actor("bob"))
                .expectResultMessagePayload(new RevertOutcome(3, 2, 2, null))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new VersionReverted(LIST, 3, 2, null, null, "bob"))),
                        messageWithPayload(equalTo(new ContentRestored(LIST, "s1", 0, List.of(
                                new DocumentNode(DocumentNode.Kind.SECTION, "s4", "s1", 2, "## Links\n", "Links", null, null),
                                new DocumentNode(DocumentNode.Kind.ENTRY, "e5", "s4", null, "* [Nacos](https://nacos.io)\n",
                                        "Nacos", "https://nacos.io", ""))))),
                        andNoMore()))
                .expectState(list -> assertThat(MarkdownWriter.write(list.state().document())).isEqualTo(MARKDOWN));
    }

    @Test
    void aRangeIsUndoneAsOneVersion() {
        fixture.given(with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null), KAFKA_RENAMED),
                        by("bob", 3, new ChangeSetApplied(LIST, 3, 2, null), NACOS_RENAMED)))
                .when(new ListCommand.RevertVersion(LIST, 2L, 3L), actor("bob"))
                .expectResultMessagePayload(new RevertOutcome(4, 2, 3, null))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new VersionReverted(LIST, 4, 2, 3L, null, "bob"))),
                        messageWithPayload(equalTo(new LinkEdited(LIST, "e5", "* [Nacos](https://nacos.io)\n", "Nacos",
                                "https://nacos.io", ""))),
                        messageWithPayload(equalTo(new LinkEdited(LIST, "e2", "* [Kafka](https://kafka.apache.org)\n", "Kafka",
                                "https://kafka.apache.org", ""))),
                        andNoMore()))
                .expectState(list -> assertThat(MarkdownWriter.write(list.state().document())).isEqualTo(MARKDOWN));
    }

    @Test
    void aRangeClashesWithLaterChangesToItsItems() {
        fixture.given(with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null), KAFKA_RENAMED),
                        by("alice", 3, new ChangeSetApplied(LIST, 3, 2, null), NACOS_RENAMED),
                        by("carol", 4, new ChangeSetApplied(LIST, 4, 3, null), new LinkEdited(LIST, "e2",
                                "* [Kafka 4](https://kafka.apache.org)\n", "Kafka 4", "https://kafka.apache.org", ""))))
                .when(new ListCommand.RevertVersion(LIST, 2L, 3L), actor("bob"))
                .expectException(EditException.Clash.class)
                .expectExceptionMessage("items [e2] changed since version 3 (the list is at version 4)")
                .expectNoEvents();
    }

    @Test
    void aRangeNamesVersionsTheListHas() {
        fixture.given(with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null), KAFKA_RENAMED)))
                .when(new ListCommand.RevertVersion(LIST, 2L, 5L), actor("bob"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage("throughVersion: must be a version between 2 (version) and 2 (the list's current version)")
                .expectNoEvents();
        fixture.given(with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null), KAFKA_RENAMED)))
                .when(new ListCommand.RevertVersion(LIST, 1L, 2L), actor("bob"))
                .expectException(ListRuleException.NotRevertible.class)
                .expectNoEvents();
    }

    @Test
    void aRollbackUndoesTheLatestRunOfOnePersonsVersions() {
        LinkAdded spam = new LinkAdded(LIST, "e6", "s4", 1, "* [Spam](https://spam.example)\n", "Spam", "https://spam.example", "");
        fixture.given(with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null), NACOS_RENAMED),
                        by("mallory", 3, new ChangeSetApplied(LIST, 3, 2, null), KAFKA_RENAMED),
                        by("mallory", 4, new ChangeSetApplied(LIST, 4, 3, null), spam),
                        by("bob", 5, new ChangeSetApplied(LIST, 5, 4, null), new LinkEdited(LIST, "e5",
                                "* [Nacos 3](https://nacos.io)\n", "Nacos 3", "https://nacos.io", ""))))
                .when(new ListCommand.RollBack(LIST, "mallory"), actor("bob"))
                .expectResultMessagePayload(new RevertOutcome(6, 3, 4, "mallory"))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new VersionReverted(LIST, 6, 3, 4L, "mallory", "bob"))),
                        messageWithPayload(equalTo(new LinkRemoved(LIST, "e6"))),
                        messageWithPayload(equalTo(new LinkEdited(LIST, "e2", "* [Kafka](https://kafka.apache.org)\n", "Kafka",
                                "https://kafka.apache.org", ""))),
                        andNoMore()))
                // bob's later, unrelated version stays
                .expectState(list -> assertThat(MarkdownWriter.write(list.state().document())).isEqualTo(MARKDOWN.replace("[Nacos]", "[Nacos 3]")));
    }

    @Test
    void aRollbackIsRefusedWhenSomeoneElseChangedTheSameItemsSince() {
        fixture.given(with(imported(), by("mallory", 2, new ChangeSetApplied(LIST, 2, 1, null), KAFKA_RENAMED),
                        by("alice", 3, new ChangeSetApplied(LIST, 3, 2, null), new LinkEdited(LIST, "e2",
                                "* [Kafka!](https://kafka.apache.org)\n", "Kafka!", "https://kafka.apache.org", ""))))
                .when(new ListCommand.RollBack(LIST, "mallory"), actor("bob"))
                .expectException(EditException.Clash.class)
                .expectExceptionMessage("items [e2] changed since version 2 (the list is at version 3)")
                .expectNoEvents();
        fixture.given(with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null), KAFKA_RENAMED)))
                .when(new ListCommand.RollBack(LIST, "mallory"), actor("bob"))
                .expectException(ListRuleException.NothingToRollBack.class)
                .expectNoEvents();
        fixture.given(imported())
                .when(new ListCommand.RollBack(LIST, " "), actor("bob"))
                .expectException(InputException.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void anApprovedProposalIsItsAuthorsVersion() {
        fixture.given(with(imported(),
                        by("mallory", 1, new ProposalSubmitted(LIST, "p1", 1, "why", List.of(), "mallory")),
                        by("alice", 2, new ProposalApproved(LIST, "p1", "alice", 2, 1, "why"), KAFKA_RENAMED)))
                .when(new ListCommand.RollBack(LIST, "mallory"), actor("bob"))
                .expectResultMessagePayload(new RevertOutcome(3, 2, 2, "mallory"))
                .expectState(list -> assertThat(MarkdownWriter.write(list.state().document())).isEqualTo(MARKDOWN));
    }

    @Test
    void aContributorProposesARevertAndACuratorsApprovalAppliesIt() {
        List<Object> removed = with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null),
                new SectionRemoved(LIST, "s4", List.of("e5"))));
        fixture.given(removed)
                .when(new ListCommand.SubmitProposal(LIST, "p1", null, "bring Links back", List.of(EditSpec.revert(2, null))),
                        actor("carol"))
                .expectEvents(new ProposalSubmitted(LIST, "p1", 2, "bring Links back", List.of(EditSpec.revert(2, null)),
                        "carol", false));
        fixture.given(with(removed, by("carol", 2, new ProposalSubmitted(LIST, "p1", 2, "bring Links back",
                        List.of(EditSpec.revert(2, null)), "carol", false))))
                .when(new ListCommand.ApproveProposal(LIST, "p1", null), actor("alice"))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(equalTo(new ProposalApproved(LIST, "p1", "alice", 3, 2, "bring Links back"))),
                        messageWithPayload(org.hamcrest.Matchers.instanceOf(ContentRestored.class)),
                        andNoMore()))
                .expectState(list -> assertThat(MarkdownWriter.write(list.state().document())).isEqualTo(MARKDOWN));
    }

    @Test
    void aProposedRevertIsItsProposalsOnlyEditAndMustApplyNow() {
        EditSpec rename = new EditSpec("editLink", null, "e2", null, null, null, "K", null, null, null, null);
        fixture.given(with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null), KAFKA_RENAMED)))
                .when(new ListCommand.SubmitProposal(LIST, "p1", null, null, List.of(rename, EditSpec.revert(2, null))),
                        actor("carol"))
                .expectException(EditException.Invalid.class)
                .expectExceptionMessage("edits[1].op: a revert is a proposal's only edit; propose the other edits separately")
                .expectNoEvents();
        fixture.given(with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null), KAFKA_RENAMED),
                        by("bob", 3, new ChangeSetApplied(LIST, 3, 2, null), new LinkEdited(LIST, "e2",
                                "* [K](https://kafka.apache.org)\n", "K", "https://kafka.apache.org", ""))))
                .when(new ListCommand.SubmitProposal(LIST, "p1", null, null, List.of(EditSpec.revert(2, null))), actor("carol"))
                .expectException(EditException.Clash.class)
                .expectNoEvents();
        fixture.given(with(imported(), by("alice", 2, new ChangeSetApplied(LIST, 2, 1, null), KAFKA_RENAMED)))
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(EditSpec.revert(2, null)), null), actor("alice"))
                .expectException(EditException.Invalid.class)
                .expectNoEvents();
    }

    private static MetaData actor(String name) {
        return CuratedListFixture.actor(name);
    }

    private static List<Object> imported() {
        return by("alice", 1, ImportEvents.of(new ImportList(LIST, "tools", MARKDOWN)).toArray(ListEvent[]::new));
    }

    /** Events of one version, stored as written by {@code actor}. */
    private static List<Object> by(String actor, long version, ListEvent... events) {
        List<Object> messages = new ArrayList<>();
        for (ListEvent e : events) {
            messages.add(new GenericDomainEventMessage<>("CuratedList", LIST, 0, e,
                    MetaData.with(EventMetadata.VERSION, version).and(EventMetadata.ACTOR, actor)));
        }
        return messages;
    }
}

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
import static org.assertj.core.groups.Tuple.tuple;

import dev.curation.core.document.DocumentDiff;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.edit.EditException;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.list.ChangeAccepted;
import dev.curation.core.list.ChangeSetApplied;
import dev.curation.core.list.ContentRestored;
import dev.curation.core.list.LinkAdded;
import dev.curation.core.list.LinkEdited;
import dev.curation.core.list.LinkRemoved;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.ProposalApproved;
import dev.curation.core.list.ProposalSubmitted;
import dev.curation.core.list.RevertCheck;
import dev.curation.core.list.RevertOutcome;
import dev.curation.core.list.SectionRemoved;
import dev.curation.core.list.VersionReverted;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given-when-then for the list's content: change sets, reverts and rollbacks, each one new version. */
class ContentDecisionsTest {

    private static final LinkEdited KAFKA_RENAMED = new LinkEdited(LIST, "e2", "* [Apache Kafka](https://kafka.apache.org)\n",
            "Apache Kafka", "https://kafka.apache.org", "");
    private static final LinkEdited KAFKA_BACK = new LinkEdited(LIST, "e2", "* [Kafka](https://kafka.apache.org)\n", "Kafka",
            "https://kafka.apache.org", "");
    private static final LinkEdited NACOS_RENAMED = new LinkEdited(LIST, "e5", "* [Nacos 2](https://nacos.io)\n", "Nacos 2",
            "https://nacos.io", "");

    private static ListCommand.ApplyChangeSet change(EditSpec... edits) {
        return new ListCommand.ApplyChangeSet(LIST, null, null, List.of(edits), null);
    }

    @Nested
    class ChangeSets {

        @Test
        void aCuratorsChangeSetIsOneNewVersion() {
            Given given = Given.list(tools());
            ListCommand.ApplyChangeSet command = new ListCommand.ApplyChangeSet(LIST, 1L, " more tools ",
                    List.of(addLink("s1", "Pulsar", "https://pulsar.apache.org")), null);

            Decision decision = given.when(command, BOB);

            assertThat(decision.version()).isEqualTo(2);
            assertThat(decision.events()).containsExactly(
                    new ChangeSetApplied(LIST, 2, 1, "more tools"),
                    new LinkAdded(LIST, "e6", "s1", 1, "* [Pulsar](https://pulsar.apache.org)\n", "Pulsar",
                            "https://pulsar.apache.org", ""));
            given.answer(command, BOB).isEqualTo(new ChangeAccepted(2, List.of()));
            assertThat(given.markdownAfter(command, BOB))
                    .isEqualTo(TOOLS.replace("org)\n\n", "org)\n* [Pulsar](https://pulsar.apache.org)\n\n"));
        }

        @Test
        void aBlankRationaleIsNone() {
            assertThat(Given.list(tools()).decided(new ListCommand.ApplyChangeSet(LIST, null, "  ",
                    List.of(renameLink("e5", "Nacos 2")), null), ALICE))
                    .containsExactly(new ChangeSetApplied(LIST, 2, 1, null), NACOS_RENAMED);
        }

        @Test
        void aStaleBaseIsRebasedWhenNothingItTouchesChangedSince() {
            Given given = Given.list(tools(), changed(2, "alice", KAFKA_RENAMED));
            ListCommand.ApplyChangeSet command = new ListCommand.ApplyChangeSet(LIST, 1L, null,
                    List.of(renameLink("e5", "Nacos 2")), null);

            assertThat(given.decided(command, BOB)).containsExactly(new ChangeSetApplied(LIST, 3, 1, null), NACOS_RENAMED);
            given.answer(command, BOB).isEqualTo(new ChangeAccepted(3, List.of()));
        }

        @Test
        void aStaleBaseTouchingAnItemChangedSinceClashes() {
            Given.list(tools(), changed(2, "alice", KAFKA_RENAMED))
                    .refused(new ListCommand.ApplyChangeSet(LIST, 1L, null,
                            List.of(renameLink("e2", "Kafka!"), renameLink("e5", "x")), null), BOB)
                    .isExactlyInstanceOf(EditException.Clash.class)
                    .hasMessage("items [e2] changed since version 1 (the list is at version 2)");
        }

        @Test
        void aBaseTheListNeverHadIsRefused() {
            Given given = Given.list(tools());
            given.refused(new ListCommand.ApplyChangeSet(LIST, 2L, null, List.of(renameLink("e2", "K")), null), ALICE)
                    .isExactlyInstanceOf(ListRuleException.UnknownBase.class)
                    .hasMessage("baseVersion 2 does not exist: the list is at version 1");
            given.refused(new ListCommand.ApplyChangeSet(LIST, 0L, null, List.of(renameLink("e2", "K")), null), ALICE)
                    .isExactlyInstanceOf(ListRuleException.UnknownBase.class);
        }

        @Test
        void anExpectedVersionMustBeTheCurrentOne() {
            Given given = Given.list(tools());
            given.refused(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(renameLink("e2", "K")), 7L), ALICE)
                    .isExactlyInstanceOf(ListRuleException.VersionMismatch.class)
                    .hasMessage("If-Match expects version 7 but the list is at version 1");
            assertThat(given.decided(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(renameLink("e2", "Apache Kafka")), 1L),
                    ALICE)).containsExactly(new ChangeSetApplied(LIST, 2, 1, null), KAFKA_RENAMED);
        }

        @Test
        void editsAreCheckedNamingTheField() {
            Given given = Given.list(tools());
            given.refused(change(renameLink("e2", "ok"), addLink("s1", "evil", "javascript:alert(1)")), ALICE)
                    .isExactlyInstanceOf(EditException.Invalid.class)
                    .hasMessage("edits[1].url: scheme must be http, https or mailto, not 'javascript'");
            given.refused(change(new EditSpec("frobnicate", null, null, null, null, null, null, null, null, null, null)), ALICE)
                    .isExactlyInstanceOf(EditException.Invalid.class);
            given.refused(change(), ALICE)
                    .isExactlyInstanceOf(EditException.Invalid.class)
                    .hasMessage("edits: must hold at least one edit");
            given.refused(change(renameLink("e99", "x")), ALICE)
                    .isExactlyInstanceOf(EditException.UnknownItem.class);
        }

        @Test
        void aUrlAlreadyInTheListIsRefusedNamingTheEntry() {
            Given.list(tools())
                    .refused(change(addLink("s4", "Nacos again", "https://nacos.io/")), ALICE)
                    .isExactlyInstanceOf(EditException.DuplicateUrl.class)
                    .hasMessage("edits[0].url: https://nacos.io/ is already in the list as entry e5");
        }

        @Test
        void aRevertIsNoEditOfAChangeSet() {
            Given.list(tools(), changed(2, "alice", KAFKA_RENAMED))
                    .refused(change(EditSpec.revert(2, null)), ALICE)
                    .isExactlyInstanceOf(EditException.Invalid.class);
        }

        @Test
        void newItemsTakeIdsNeverGivenBefore() {
            // e6 was added at version 2 and removed at version 3: the next link is e7
            Given given = Given.list(tools(),
                    changed(2, "alice", new LinkAdded(LIST, "e6", "s1", 1, "* [Pulsar](https://pulsar.apache.org)\n", "Pulsar",
                            "https://pulsar.apache.org", "")),
                    changed(3, "alice", new LinkRemoved(LIST, "e6")));

            assertThat(given.decided(change(addLink("s4", "Consul", "https://consul.io")), ALICE)).containsExactly(
                    new ChangeSetApplied(LIST, 4, 3, null),
                    new LinkAdded(LIST, "e7", "s4", 1, "* [Consul](https://consul.io)\n", "Consul", "https://consul.io", ""));
        }

        @Test
        void onlyACuratorOfTheListEditsIt() {
            Given.list(tools())
                    .refused(change(renameLink("e2", "K")), CAROL)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class)
                    .hasMessage("carol is a contributor of this list; to edit the list needs a curator "
                            + "(an owner of the list can grant it)");
        }
    }

    /** The lint gate: a change that adds an error is refused; warnings come back with the new version. */
    @Nested
    class TheLintGate {

        /** ids: s1 Tools, e2 Kafka, s3 Links, e4 Nacos, e5 ZooKeeper (an empty link: an error already there) */
        private static final String LINTED = "# Tools\n- [Kafka](https://kafka.apache.org) - A log.\n## Links\n"
                + "- [Nacos](https://nacos.io) - A registry.\n- [ZooKeeper]() - Coordination.\n";

        private static List<Given.Stored> profile(Map<String, String> changes, boolean sameUrlInSections) {
            return version(1, "alice", new LintProfileChanged(LIST, LintProfile.withChanges(changes, sameUrlInSections).toWire(),
                    sameUrlInSections, "alice"));
        }

        @Test
        void aChangeThatAddsAnErrorIsRefusedNamingRuleAndItem() {
            Given.list(imported(LINTED, "alice"), profile(Map.of("alphabetical", "error"), false))
                    .refused(change(addLink("s3", "Beta", "https://beta.example", "Something.")), ALICE)
                    .isExactlyInstanceOf(ListRuleException.LintErrors.class)
                    .hasMessageContaining("alphabetical")
                    .hasMessageContaining("'Beta'");
        }

        @Test
        void anErrorAlreadyThereBlocksNothingAndWarningsComeBackWithTheVersion() {
            // e5's empty link is an error since the import; a lower-case description without a full stop is two warnings
            Given given = Given.list(imported(LINTED, "alice"));
            ListCommand.ApplyChangeSet command = change(addLink("s3", "Consul", "https://consul.io", "service mesh"));

            assertThat(given.decided(command, ALICE)).containsExactly(
                    new ChangeSetApplied(LIST, 2, 1, null),
                    new LinkAdded(LIST, "e6", "s3", 2, "- [Consul](https://consul.io) - service mesh\n", "Consul",
                            "https://consul.io", "service mesh"));
            given.answer(command, ALICE).isInstanceOfSatisfying(ChangeAccepted.class, accepted -> {
                assertThat(accepted.version()).isEqualTo(2);
                assertThat(accepted.warnings()).extracting(LintProblem::rule, LintProblem::item)
                        .containsExactly(tuple("description-capital", "e6"),
                                tuple("description-punctuation", "e6"));
            });
        }

        @Test
        void aChangeThatAddsNoWarningHasNone() {
            Given.list(imported(LINTED, "alice"))
                    .answer(change(renameLink("e4", "Nacos 2")), ALICE)
                    .isEqualTo(new ChangeAccepted(2, List.of()));
        }

        @Test
        void theSameUrlInAnotherTopicOnlyWhenTheProfileAllowsIt() {
            EditSpec again = addLink("s1", "Nacos again", "https://nacos.io/", "Something.");
            Given.list(imported(LINTED, "alice"))
                    .refused(change(again), ALICE)
                    .isExactlyInstanceOf(EditException.DuplicateUrl.class);
            Given allowed = Given.list(imported(LINTED, "alice"), profile(Map.of(), true));
            assertThat(allowed.decided(change(again), ALICE)).hasSize(2);
            // but not twice in one topic
            allowed.refused(change(addLink("s3", "Nacos again", "https://nacos.io/", "Something.")), ALICE)
                    .isExactlyInstanceOf(EditException.DuplicateUrl.class);
        }
    }

    @Nested
    class Reverts {

        @Test
        void aRevertUndoesAVersionAsANewOne() {
            Given given = Given.list(tools(), changed(2, "alice", KAFKA_RENAMED));
            ListCommand.RevertVersion command = new ListCommand.RevertVersion(LIST, 2L);

            assertThat(given.decided(command, BOB)).containsExactly(new VersionReverted(LIST, 3, 2, null, null, "bob"), KAFKA_BACK);
            given.answer(command, BOB).isEqualTo(new RevertOutcome(3, 2, 2, null));
            assertThat(given.markdownAfter(command, BOB)).isEqualTo(TOOLS);
        }

        @Test
        void aRemovedTopicComesBackWithItsIdsAndBytes() {
            Given given = Given.list(tools(), changed(2, "alice", new SectionRemoved(LIST, "s4", List.of("e5"))));
            ListCommand.RevertVersion command = new ListCommand.RevertVersion(LIST, 2L);

            assertThat(given.decided(command, BOB)).containsExactly(
                    new VersionReverted(LIST, 3, 2, null, null, "bob"),
                    new ContentRestored(LIST, "s1", 0, List.of(
                            new DocumentNode(DocumentNode.Kind.SECTION, "s4", "s1", 2, "## Links\n", "Links", null, null),
                            new DocumentNode(DocumentNode.Kind.ENTRY, "e5", "s4", null, "* [Nacos](https://nacos.io)\n", "Nacos",
                                    "https://nacos.io", ""))));
            assertThat(given.markdownAfter(command, BOB)).isEqualTo(TOOLS);
        }

        @Test
        void aRevertClashesWithALaterChangeOfTheSameItem() {
            Given.list(tools(), changed(2, "alice", KAFKA_RENAMED), changed(3, "alice",
                            new LinkEdited(LIST, "e2", "* [B](https://kafka.apache.org)\n", "B", "https://kafka.apache.org", "")))
                    .refused(new ListCommand.RevertVersion(LIST, 2L), BOB)
                    .isExactlyInstanceOf(EditException.Clash.class)
                    .hasMessage("items [e2] changed since version 2 (the list is at version 3)");
        }

        @Test
        void aRevertNamesAVersionAfterTheImportThatTheListHas() {
            Given given = Given.list(tools());
            given.refused(new ListCommand.RevertVersion(LIST, 1L), BOB)
                    .isExactlyInstanceOf(ListRuleException.NotRevertible.class)
                    .hasMessage("version 1 is the import of the list; it cannot be reverted");
            given.refused(new ListCommand.RevertVersion(LIST, null), BOB)
                    .isExactlyInstanceOf(InputException.Invalid.class)
                    .hasMessage("version: is required: the version to revert");
            given.refused(new ListCommand.RevertVersion(LIST, 9L), BOB)
                    .isExactlyInstanceOf(InputException.Invalid.class)
                    .hasMessage("version: this list has no version 9 (it is at version 1)");
        }

        @Test
        void aCheckOfARevertSaysWhatItWouldChangeAndDecidesNothing() {
            Given given = Given.list(tools(), changed(2, "alice", KAFKA_RENAMED));
            ListCommand.CheckRevert check = new ListCommand.CheckRevert(LIST, 2L, null);

            assertThat(given.decided(check, BOB)).isEmpty();
            given.answer(check, BOB).isEqualTo(new RevertCheck(false, 2, 2, 2, List.of(), new DocumentDiff(List.of(
                    new DocumentDiff.EntryChange(DocumentDiff.Change.EDITED, "e2",
                            new DocumentDiff.EntryState("s1", "Apache Kafka", "https://kafka.apache.org", ""),
                            new DocumentDiff.EntryState("s1", "Kafka", "https://kafka.apache.org", ""))), List.of())));
            // a contributor: what proposing the revert would do
            given.answer(check, CAROL).extracting("asProposal").isEqualTo(true);
            // refused as the revert is, or as proposing it is; someone without a role may neither
            given.refused(new ListCommand.CheckRevert(LIST, 1L, null), BOB)
                    .isExactlyInstanceOf(ListRuleException.NotRevertible.class);
            given.refused(new ListCommand.CheckRevert(LIST, null, null), CAROL)
                    .isExactlyInstanceOf(EditException.Invalid.class).hasMessageContaining("edits[0].version");
            given.refused(check, DAVE).isExactlyInstanceOf(ListRuleException.Forbidden.class);
        }

        @Test
        void onlyACuratorOfTheListReverts() {
            Given.list(tools(), changed(2, "alice", KAFKA_RENAMED))
                    .refused(new ListCommand.RevertVersion(LIST, 2L), CAROL)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        }

        @Test
        void aRangeIsUndoneAsOneVersion() {
            Given given = Given.list(tools(), changed(2, "alice", KAFKA_RENAMED), changed(3, "bob", NACOS_RENAMED));
            ListCommand.RevertVersion command = new ListCommand.RevertVersion(LIST, 2L, 3L);

            assertThat(given.decided(command, BOB)).containsExactly(
                    new VersionReverted(LIST, 4, 2, 3L, null, "bob"),
                    new LinkEdited(LIST, "e5", "* [Nacos](https://nacos.io)\n", "Nacos", "https://nacos.io", ""),
                    KAFKA_BACK);
            given.answer(command, BOB).isEqualTo(new RevertOutcome(4, 2, 3, null));
            assertThat(given.markdownAfter(command, BOB)).isEqualTo(TOOLS);
        }

        @Test
        void aRangeClashesWithALaterChangeOfItsItems() {
            Given.list(tools(), changed(2, "alice", KAFKA_RENAMED), changed(3, "alice", NACOS_RENAMED),
                            changed(4, "carol", new LinkEdited(LIST, "e2", "* [Kafka 4](https://kafka.apache.org)\n", "Kafka 4",
                                    "https://kafka.apache.org", "")))
                    .refused(new ListCommand.RevertVersion(LIST, 2L, 3L), BOB)
                    .isExactlyInstanceOf(EditException.Clash.class)
                    .hasMessage("items [e2] changed since version 3 (the list is at version 4)");
        }

        @Test
        void aRangeNamesVersionsTheListHas() {
            Given given = Given.list(tools(), changed(2, "alice", KAFKA_RENAMED));
            given.refused(new ListCommand.RevertVersion(LIST, 2L, 5L), BOB)
                    .isExactlyInstanceOf(InputException.Invalid.class)
                    .hasMessage("throughVersion: must be a version between 2 (version) and 2 (the list's current version)");
            given.refused(new ListCommand.RevertVersion(LIST, 1L, 2L), BOB)
                    .isExactlyInstanceOf(ListRuleException.NotRevertible.class);
        }
    }

    @Nested
    class Rollbacks {

        @Test
        void aRollbackUndoesTheLatestRunOfOnePersonsVersions() {
            LinkAdded spam = new LinkAdded(LIST, "e6", "s4", 1, "* [Spam](https://spam.example)\n", "Spam", "https://spam.example", "");
            Given given = Given.list(tools(), changed(2, "alice", NACOS_RENAMED),
                    changed(3, "mallory", KAFKA_RENAMED), changed(4, "mallory", spam),
                    changed(5, "bob", new LinkEdited(LIST, "e5", "* [Nacos 3](https://nacos.io)\n", "Nacos 3", "https://nacos.io", "")));
            ListCommand.RollBack command = new ListCommand.RollBack(LIST, "mallory");

            assertThat(given.decided(command, BOB)).containsExactly(
                    new VersionReverted(LIST, 6, 3, 4L, "mallory", "bob"), new LinkRemoved(LIST, "e6"), KAFKA_BACK);
            given.answer(command, BOB).isEqualTo(new RevertOutcome(6, 3, 4, "mallory"));
            // bob's later, unrelated version stays
            assertThat(given.markdownAfter(command, BOB)).isEqualTo(TOOLS.replace("[Nacos]", "[Nacos 3]"));
        }

        @Test
        void onlyTheLatestRunIsRolledBack() {
            // mallory's version 2 is a run of its own, before alice's version 3
            Given given = Given.list(tools(), changed(2, "mallory", KAFKA_RENAMED), changed(3, "alice", NACOS_RENAMED),
                    changed(4, "mallory", new LinkAdded(LIST, "e6", "s4", 1, "* [Spam](https://spam.example)\n", "Spam",
                            "https://spam.example", "")));
            ListCommand.RollBack command = new ListCommand.RollBack(LIST, "mallory");

            assertThat(given.decided(command, BOB)).containsExactly(
                    new VersionReverted(LIST, 5, 4, 4L, "mallory", "bob"), new LinkRemoved(LIST, "e6"));
            given.answer(command, BOB).isEqualTo(new RevertOutcome(5, 4, 4, "mallory"));
        }

        @Test
        void anApprovedProposalIsItsAuthorsVersion() {
            Given given = Given.list(tools(),
                    version(1, "mallory", new ProposalSubmitted(LIST, "p1", 1, "why", List.of(renameLink("e2", "Apache Kafka")),
                            "mallory")),
                    version(2, "alice", new ProposalApproved(LIST, "p1", "alice", 2, 1, "why"), KAFKA_RENAMED));
            ListCommand.RollBack command = new ListCommand.RollBack(LIST, "mallory");

            assertThat(given.decided(command, BOB)).containsExactly(new VersionReverted(LIST, 3, 2, 2L, "mallory", "bob"), KAFKA_BACK);
            given.answer(command, BOB).isEqualTo(new RevertOutcome(3, 2, 2, "mallory"));
            assertThat(given.markdownAfter(command, BOB)).isEqualTo(TOOLS);
        }

        @Test
        void aRollbackIsRefusedWhenSomeoneElseChangedTheSameItemsSince() {
            Given.list(tools(), changed(2, "mallory", KAFKA_RENAMED), changed(3, "alice",
                            new LinkEdited(LIST, "e2", "* [Kafka!](https://kafka.apache.org)\n", "Kafka!", "https://kafka.apache.org", "")))
                    .refused(new ListCommand.RollBack(LIST, "mallory"), BOB)
                    .isExactlyInstanceOf(EditException.Clash.class)
                    .hasMessage("items [e2] changed since version 2 (the list is at version 3)");
        }

        @Test
        void someoneWhoWroteNoVersionHasNothingToRollBack() {
            Given given = Given.list(tools(), changed(2, "alice", KAFKA_RENAMED));
            given.refused(new ListCommand.RollBack(LIST, "mallory"), BOB)
                    .isExactlyInstanceOf(ListRuleException.NothingToRollBack.class)
                    .hasMessage("mallory wrote no version of this list since its import: there is nothing to roll back");
            // the import is no version to roll back
            Given.list(tools()).refused(new ListCommand.RollBack(LIST, "alice"), BOB)
                    .isExactlyInstanceOf(ListRuleException.NothingToRollBack.class);
        }

        @Test
        void aRollbackNamesWhoseVersions() {
            Given.list(tools()).refused(new ListCommand.RollBack(LIST, " "), BOB)
                    .isExactlyInstanceOf(InputException.Invalid.class)
                    .hasMessage("actor: is required: whose latest versions to roll back");
        }

        @Test
        void onlyACuratorOfTheListRollsBack() {
            Given.list(tools(), changed(2, "mallory", KAFKA_RENAMED))
                    .refused(new ListCommand.RollBack(LIST, "mallory"), CAROL)
                    .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        }
    }
}

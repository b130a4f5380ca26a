package dev.curation.core.decider;

import static dev.curation.core.decider.Given.version;
import static dev.curation.core.decider.Lists.ALICE;
import static dev.curation.core.decider.Lists.BOB;
import static dev.curation.core.decider.Lists.LIST;
import static dev.curation.core.decider.Lists.TOOLS;
import static dev.curation.core.decider.Lists.addLink;
import static dev.curation.core.decider.Lists.tools;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.input.InputException;
import dev.curation.core.input.InputLimits;
import dev.curation.core.list.ChangeAccepted;
import dev.curation.core.list.CommitImported;
import dev.curation.core.list.GitBridgeRemoved;
import dev.curation.core.list.GitBridgeSet;
import dev.curation.core.list.GitCommit;
import dev.curation.core.list.GitPerson;
import dev.curation.core.list.GitSource;
import dev.curation.core.list.HistoryImported;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListRuleException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given-when-then for the git side of a list: commits become versions once each, only by the bridge; owners set the bridge. */
class GitDecisionsTest {

    private static final Actor BRIDGE = Actor.of("git-bridge", Actor.GIT_BRIDGE);
    private static final GitPerson JANE = new GitPerson("Jane Doe", "jane@example.com");

    private static GitCommit commit(String id) {
        return new GitCommit(id, JANE, "2019-03-01T10:00:00+08:00", List.of(), List.of(), "Add Pulsar\n\nBody");
    }

    private static ListCommand.ImportCommit importing(String id, String markdown) {
        return new ListCommand.ImportCommit(LIST, commit(id), markdown, null);
    }

    /** A list being imported from git: version 1 from commit c1, three commits in all. */
    private static Given beingImported() {
        List<ListEvent> first = ImportEvents.of(new ImportList(LIST, "tools", TOOLS, commit("c1"),
                new GitSource("https://git.example/list.git", "main", "README.md", 3)));
        return Given.list(version(1, "alice", first.toArray(ListEvent[]::new)));
    }

    @Test
    void aCommitBecomesTheNextVersionAsTheFileSaysCreditedToItsAuthor() {
        Given given = beingImported();
        String next = TOOLS.replace("* [Nacos](https://nacos.io)\n", "* [Nacos](https://nacos.io)\n* [Pulsar](https://pulsar.apache.org)\n");

        Decision decision = given.when(importing("c2", next), BRIDGE);

        assertThat(decision.version()).isEqualTo(2);
        assertThat(decision.events()).singleElement().isInstanceOfSatisfying(CommitImported.class, e -> {
            assertThat(e.commit().id()).isEqualTo("c2");
            assertThat(e.removed()).isEmpty();
            assertThat(e.steps().stream().filter(s -> s.node() != null)).hasSize(1);
        });
        ListState after = given.after(importing("c2", next), BRIDGE);
        assertThat(MarkdownWriter.write(after.document())).isEqualTo(next);
        assertThat(after.authorOf(2)).isEqualTo("Jane Doe <jane@example.com>");
        assertThat(after.authorOf(1)).isEqualTo("Jane Doe <jane@example.com>");
        assertThat(after.commits()).containsEntry("c1", 1L).containsEntry("c2", 2L);
        assertThat(after.members().roles()).containsKey("alice");
    }

    @Test
    void aCommitAlreadyImportedStoresNothingAndAnswersItsVersion() {
        Given given = beingImported();

        Decision decision = given.when(importing("c1", "# Anything\n"), BRIDGE);

        assertThat(decision.events()).isEmpty();
        given.answer(importing("c1", "# Anything\n"), BRIDGE).isEqualTo(new ChangeAccepted(1, List.of()));
    }

    @Test
    void onlyTheBridgeBringsCommitsAndOnlyOnTheVersionItRead() {
        Given given = beingImported();

        given.refused(importing("c2", "# X\n"), ALICE).isInstanceOf(ListRuleException.NotAllowed.class);
        given.refused(new ListCommand.ImportCommit(LIST, commit("c2"), "# X\n", 7L), BRIDGE)
                .isInstanceOf(ListRuleException.VersionMismatch.class);
    }

    @Test
    void whileImportingNobodyElseChangesTheListAndAfterwardsTheyDo() {
        Given given = beingImported();
        ListCommand.ApplyChangeSet edit = new ListCommand.ApplyChangeSet(LIST, null, null,
                List.of(addLink("s1", "Pulsar", "https://pulsar.apache.org")), null);

        given.refused(edit, ALICE).isInstanceOf(ListRuleException.Importing.class).hasMessageContaining("version 1 of 3");
        assertThat(given.decided(new ListCommand.FinishHistoryImport(LIST, "c1"), BRIDGE))
                .containsExactly(new HistoryImported(LIST, "c1", 1));

        given.and(version(1, "git-bridge", new HistoryImported(LIST, "c1", 1)));
        assertThat(given.state().importing()).isNull();
        assertThat(given.decided(new ListCommand.FinishHistoryImport(LIST, "c1"), BRIDGE)).isEmpty();
        assertThat(given.when(edit, ALICE).version()).isEqualTo(2);
    }

    @Test
    void aCommitRewritingMoreThanOneEventHoldsComesAsTheWholeFileInParts() {
        Given given = beingImported();
        StringBuilder big = new StringBuilder("# Tools\n");
        for (int i = 0; i < 3000; i++) {
            big.append("* [Project ").append(i).append("](https://example.com/").append(i).append(") - a tool\n");
        }
        InputLimits small = new InputLimits(500, 64 * 1024, 200_000, 64 * 1024);

        Decision decision = ListDecider.decide(given.state(), importing("c2", big.toString()), BRIDGE,
                given.pastVersions(), small);

        assertThat(decision.events().getFirst()).isInstanceOfSatisfying(CommitImported.class,
                e -> assertThat(e.parts()).isEqualTo(decision.events().size() - 1).isGreaterThan(1));
        assertThat(decision.events().subList(1, decision.events().size())).allMatch(ListContentImported.class::isInstance);
        ListState after = given.state();
        for (ListEvent event : decision.events()) {
            after = after.evolve(event, 2, "git-bridge");
        }
        assertThat(MarkdownWriter.write(after.document())).isEqualTo(big.toString());
    }

    @Test
    void ownersConnectTheListToGitAndNobodyElse() {
        Given given = Given.list(tools());
        ListCommand.SetGitBridge set = new ListCommand.SetGitBridge(LIST, "https://github.com/x/awesome.git", "main",
                "README.md", true, null);

        assertThat(given.decided(set, ALICE)).containsExactly(new GitBridgeSet(LIST, "https://github.com/x/awesome.git",
                "main", "README.md", true, false, "alice"));
        given.refused(set, BOB).isInstanceOf(ListRuleException.Forbidden.class);

        given.and(version(1, "alice", new GitBridgeSet(LIST, "https://github.com/x/awesome.git", "main", "README.md", true,
                false, "alice")));
        assertThat(given.decided(set, ALICE)).as("the same settings again").isEmpty();
        assertThat(given.decided(new ListCommand.RemoveGitBridge(LIST), ALICE)).containsExactly(new GitBridgeRemoved(LIST, "alice"));
    }

    @Test
    void aBridgeNamesWhatIsWrongWithItsRepositoryBranchOrPath() {
        Given given = Given.list(tools());

        given.refused(new ListCommand.SetGitBridge(LIST, "ftp://github.com/x.git", "main", "README.md", true, true), ALICE)
                .isInstanceOf(InputException.Invalid.class).hasMessageContaining("https://");
        given.refused(new ListCommand.SetGitBridge(LIST, "https://me:secret@github.com/x.git", "main", "README.md", true, true), ALICE)
                .isInstanceOf(InputException.Invalid.class).hasMessageContaining("credentials");
        given.refused(new ListCommand.SetGitBridge(LIST, "https://github.com/x.git", "ma in", "README.md", true, true), ALICE)
                .isInstanceOf(InputException.Invalid.class).hasMessageContaining("branch");
        given.refused(new ListCommand.SetGitBridge(LIST, "https://github.com/x.git", "main", "../etc/passwd", true, true), ALICE)
                .isInstanceOf(InputException.Invalid.class).hasMessageContaining("path");
        given.refused(new ListCommand.SetGitBridge(LIST, "https://github.com/x.git", "main", null, true, true), ALICE)
                .isInstanceOf(InputException.Invalid.class).hasMessageContaining("required");
    }
}

package dev.curation.core.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.edit.ListEditor;
import dev.curation.core.input.InputException;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.lint.ListLinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fix proposals: their edits remove the problems of the rules asked for and change no other line. */
class LintFixesTest {

    private static final String MARKDOWN = """
            # Tools.
            Some words that stay as they are.

            ## Queues
            - [RabbitMQ](https://rabbitmq.com) - A broker.
            - [Kafka](https://kafka.apache.org)：a distributed log
            Text between entries stays where it is.
            - [ActiveMQ](https://activemq.apache.org) - the classic one.
            - [NATS](https://nats.io) - Lightweight.
            ## Stores
            - [Redis](https://redis.io) — In memory.
            """;

    private static final LintProfile ALPHABETICAL = LintProfile.withChanges(Map.of("alphabetical", "warning"), false);

    private static String applied(ListDocument document, LintFixes.Fixes fixes) {
        List<ListEvent> events = ListEditor.decide("l", document, new IdSequence(100), ChangeSetRules.edits(fixes.edits()));
        ListDocument after = document.copy();
        for (ListEvent event : events) {
            after = ListFold.apply(after, event);
        }
        return MarkdownWriter.write(after);
    }

    private static List<Integer> changedLines(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        assertThat(b).hasSameSizeAs(a);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(i + 1);
            }
        }
        return changed;
    }

    @Test
    void everyFixableProblemIsFixedAndNoOtherLineChanges() {
        ListDocument document = MarkdownReader.read(MARKDOWN, new IdSequence(0));
        LintFixes.Fixes fixes = LintFixes.of(document, ALPHABETICAL, List.of());
        String after = applied(document, fixes);
        // two moves (Kafka and NATS stay, the longest run already in order), the rest edited in place
        assertThat(after).isEqualTo("""
                # Tools
                Some words that stay as they are.

                ## Queues
                - [ActiveMQ](https://activemq.apache.org) - The classic one.
                - [Kafka](https://kafka.apache.org) - A distributed log.
                Text between entries stays where it is.
                - [NATS](https://nats.io) - Lightweight.
                - [RabbitMQ](https://rabbitmq.com) - A broker.
                ## Stores
                - [Redis](https://redis.io) - In memory.
                """);
        assertThat(fixes.edits().stream().filter(e -> "moveLink".equals(e.op()))).hasSize(2);
        assertThat(fixes.fixed()).containsEntry("separator", 2).containsEntry("description-capital", 2)
                .containsEntry("description-punctuation", 1).containsEntry("heading-punctuation", 1)
                .containsKey("alphabetical");
        assertThat(fixes.rationale()).startsWith("Lint fixes: ").contains("separator (2)", "alphabetical (2)");
        List<LintProblem> left = ListLinter.lint(MarkdownReader.read(after, new IdSequence(0)), ALPHABETICAL);
        assertThat(left).extracting(LintProblem::rule).doesNotContain("separator", "description-capital",
                "description-punctuation", "heading-punctuation", "alphabetical");
    }

    @Test
    void onlyTheRulesAskedForAreFixed() {
        ListDocument document = MarkdownReader.read(MARKDOWN, new IdSequence(0));
        String after = applied(document, LintFixes.of(document, LintProfile.defaults(), List.of("separator")));
        // the two lines with another separator, nothing else
        assertThat(changedLines(MARKDOWN, after)).containsExactly(6, 11);
        assertThat(after).contains("- [Kafka](https://kafka.apache.org) - a distributed log\n",
                "- [Redis](https://redis.io) - In memory.\n");

        String sorted = applied(document, LintFixes.of(document, LintProfile.defaults(), List.of("alphabetical")));
        // the entries' lines change places within their topic; nothing else moves
        assertThat(changedLines(MARKDOWN, sorted)).containsExactly(5, 8, 9);
        assertThat(sorted.lines().toList().get(6)).isEqualTo("Text between entries stays where it is.");
    }

    @Test
    void unknownAndUnfixableRulesAreNamed() {
        ListDocument document = MarkdownReader.read(MARKDOWN, new IdSequence(0));
        assertThatThrownBy(() -> LintFixes.of(document, LintProfile.defaults(), List.of("no-such-rule")))
                .isInstanceOf(InputException.Invalid.class).hasMessageContaining("no-such-rule");
        assertThatThrownBy(() -> LintFixes.of(document, LintProfile.defaults(), List.of("double-link")))
                .isInstanceOf(InputException.Invalid.class).hasMessageContaining("'double-link' cannot be fixed");
        ListDocument clean = MarkdownReader.read("# Clean\n- [A](https://a.example) - A.\n", new IdSequence(0));
        assertThat(LintFixes.of(clean, ALPHABETICAL, List.of()).edits()).isEmpty();
    }

    @Test
    void theSeedsFixesApplyAndLeaveNoFixableProblem() throws IOException {
        for (String seed : List.of("distributed-systems-notes.md", "architecture-design-notes.md")) {
            String markdown = Files.readString(Path.of("..", "seeds", seed));
            ListDocument document = MarkdownReader.read(markdown, new IdSequence(0));
            String after = applied(document, LintFixes.of(document, ALPHABETICAL, List.of()));
            assertThat(ListLinter.lint(MarkdownReader.read(after, new IdSequence(0)), ALPHABETICAL))
                    .extracting(LintProblem::rule).as(seed)
                    .doesNotContain("separator", "description-capital", "description-punctuation", "heading-punctuation",
                            "alphabetical");
            assertThat(after.lines().count()).as(seed).isEqualTo(markdown.lines().count());
        }
    }
}

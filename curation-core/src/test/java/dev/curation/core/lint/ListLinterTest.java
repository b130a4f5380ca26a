package dev.curation.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule on a small document that breaks it and one that keeps it; then real lists. */
class ListLinterTest {

    private static List<LintProblem> lint(String markdown) {
        return lint(markdown, LintProfile.defaults());
    }

    private static List<LintProblem> lint(String markdown, LintProfile profile) {
        return ListLinter.lint(MarkdownReader.read(markdown, new IdSequence(0)), profile);
    }

    private static List<String> rules(List<LintProblem> problems) {
        return problems.stream().map(LintProblem::rule).toList();
    }

    @Test
    void aCleanListHasNoProblems() {
        assertThat(lint("""
                # Awesome Streams

                - [Kafka](https://kafka.apache.org) - A distributed log.
                - [Pulsar](https://pulsar.apache.org) - Another one, with tiers.
                """)).isEmpty();
    }

    @Test
    void linkTextAndUrl() {
        List<LintProblem> problems = lint("# L\n- [](https://a.example) - Text.\n- [Empty]() - Text.\n- [Rel](docs/x.md) - Text.\n");
        assertThat(rules(problems)).containsExactly("link-text", "link-url", "link-url");
        assertThat(problems.get(0)).satisfies(p -> {
            assertThat(p.item()).isEqualTo("e2");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("e2", "https://a.example");
        });
        assertThat(problems.get(2).message()).contains("e4", "'Rel'", "not absolute");
        // anchors and mailto are fine
        assertThat(lint("# L\n- [Top](#l) - Back up.\n- [Mail](mailto:a@b.example) - Write.\n")).isEmpty();
    }

    @Test
    void unsafeSchemes() {
        List<LintProblem> problems = lint("# L\n- [X](javascript:alert(1)) - Bad.\n- [Y](data:text/html,hi) - Bad.\n");
        assertThat(rules(problems)).containsExactly("unsafe-link", "unsafe-link");
        assertThat(problems.get(0).message()).contains("e2", "javascript:");
    }

    @Test
    void doubleLinksAsNormalizeUrlSeesThem() {
        List<LintProblem> problems = lint("""
                # L
                ## A
                - [One](https://example.com/page) - First.
                - [Two](http://www.example.com/page/?utm_source=x) - Same page.
                ## B
                - [Video](https://youtube.com/watch?v=AbC) - A video.
                - [Other](https://youtube.com/watch?v=abc) - Another video.
                - [Again](https://example.com/page/index.html) - Same page again.
                """);
        assertThat(rules(problems)).containsExactly("double-link", "double-link");
        assertThat(problems.get(0).message()).contains("e4", "same page as entry e3");
        assertThat(problems.get(1).item()).isEqualTo("e8");
        // a profile may allow one link per topic
        LintProfile perTopic = new LintProfile(LintProfile.defaults().rules(), true);
        assertThat(rules(lint("# L\n## A\n- [One](https://a.example) - X.\n## B\n- [One](https://a.example) - X.\n", perTopic)))
                .isEmpty();
        assertThat(rules(lint("# L\n## A\n- [One](https://a.example) - X.\n- [One](https://a.example/) - X.\n", perTopic)))
                .containsExactly("double-link");
    }

    @Test
    void descriptions() {
        List<LintProblem> problems = lint("""
                # L
                - [Kafka](https://a.example) — A log.
                - [Pulsar](https://b.example) - a log.
                - [Flink](https://c.example) - A processor
                - [Spark Streaming](https://d.example) - Spark Streaming does micro-batches.
                - [Beam](https://e.example) - Portable (really).
                - [NATS](https://f.example) - 消息系统。
                """);
        assertThat(problems).extracting(LintProblem::rule, LintProblem::item).containsExactly(
                org.assertj.core.groups.Tuple.tuple("separator", "e2"),
                org.assertj.core.groups.Tuple.tuple("description-capital", "e3"),
                org.assertj.core.groups.Tuple.tuple("description-punctuation", "e4"),
                org.assertj.core.groups.Tuple.tuple("description-repeats-title", "e5"));
        assertThat(problems.get(0).message()).contains("' — '", "' - '");
    }

    @Test
    void headings() {
        List<LintProblem> problems = lint("""
                # One
                ## Tools:
                - [A](https://a.example)
                ## tools:
                - [B](https://b.example)
                ## Empty

                # Two
                - [C](https://c.example)
                """);
        assertThat(problems).extracting(LintProblem::rule, LintProblem::item).containsExactly(
                org.assertj.core.groups.Tuple.tuple("heading-punctuation", "s2"),
                org.assertj.core.groups.Tuple.tuple("heading-punctuation", "s4"),
                org.assertj.core.groups.Tuple.tuple("duplicate-heading", "s4"),
                org.assertj.core.groups.Tuple.tuple("empty-section", "s6"),
                org.assertj.core.groups.Tuple.tuple("main-heading", "s8"));
        assertThat(rules(lint("## Only a second level\n- [A](https://a.example)\n"))).containsExactly("main-heading");
    }

    @Test
    void tableOfContents() {
        List<LintProblem> problems = lint("""
                # L
                ## Contents
                - [Streams](#streams)
                - [Queues](#queues)
                - [Gone](#gone)
                ## Streams
                - [Kafka](https://a.example)
                ## Queues
                - [RabbitMQ](https://b.example)
                ## Caches
                - [Redis](https://c.example)
                """);
        assertThat(problems).extracting(LintProblem::rule, LintProblem::item).containsExactly(
                org.assertj.core.groups.Tuple.tuple("table-of-contents", "e5"),
                org.assertj.core.groups.Tuple.tuple("table-of-contents", "s10"));
        assertThat(problems.get(1).message()).contains("'Caches'", "missing from the table of contents");
        // GitHub's anchors: punctuation dropped, spaces to hyphens, non-Latin letters kept, repeats numbered
        assertThat(lint("# L\n- [a](#c-and-go)\n- [b](#消息系统)\n- [c](#x-1)\n- [d](#x)\n## C++ and Go!\n## 消息系统\n## X\n## X\n"))
                .extracting(LintProblem::rule).doesNotContain("table-of-contents");
    }

    @Test
    void alphabeticalOrderOnlyWhenAsked() {
        String markdown = "# L\n- [Beta](https://b.example)\n- [alpha](https://a.example)\n- [Gamma](https://c.example)\n";
        assertThat(lint(markdown)).isEmpty();
        Map<LintRule, Severity> rules = new EnumMap<>(LintProfile.defaults().rules());
        rules.put(LintRule.ALPHABETICAL, Severity.ERROR);
        List<LintProblem> problems = lint(markdown, new LintProfile(rules, false));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("alphabetical");
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.message()).contains("e3", "'alpha'", "'Beta'");
        });
    }

    @Test
    void oneBulletMarker() {
        List<LintProblem> problems = lint("# L\n- [A](https://a.example)\n- [B](https://b.example)\n* [C](https://c.example)\n"
                + "[D](https://d.example)\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("bullet-marker");
            assertThat(p.item()).isEqualTo("e4");
            assertThat(p.message()).contains("'*'", "'-'");
        });
    }

    @Test
    void whatAChangeAddsIsCountedPerRuleAndItem() {
        LintProblem e2 = new LintProblem("separator", Severity.WARNING, "e2", 2, "x");
        LintProblem e2again = new LintProblem("separator", Severity.WARNING, "e2", 3, "moved down a line");
        LintProblem e5 = new LintProblem("double-link", Severity.ERROR, "e5", 5, "y");
        assertThat(ListLinter.added(List.of(e2), List.of(e2again, e5))).containsExactly(e5);
        assertThat(ListLinter.added(List.of(e5), List.of(e5, e5))).containsExactly(e5);
        assertThat(ListLinter.added(List.of(e2, e5), List.of(e2))).isEmpty();
    }

    @Test
    void aRuleOffInTheProfileReportsNothing() {
        Map<LintRule, Severity> rules = new EnumMap<>(LintProfile.defaults().rules());
        rules.remove(LintRule.DESCRIPTION_PUNCTUATION);
        rules.put(LintRule.SEPARATOR, Severity.ERROR);
        List<LintProblem> problems = lint("# L\n- [A](https://a.example): No full stop\n", new LintProfile(rules, false));
        assertThat(problems).extracting(LintProblem::rule, LintProblem::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("separator", Severity.ERROR));
        assertThat(LintRule.byId("separator")).contains(LintRule.SEPARATOR);
    }

    @Test
    void theSeedsReportWhatTheirCuratorsWouldFix() throws IOException {
        List<LintProblem> notes = ListLinter.lint(MarkdownReader.read(Files.readString(Path.of("..", "seeds",
                "distributed-systems-notes.md")), new IdSequence(0)), LintProfile.defaults());
        // it starts at "##", one link is "[ZooKeeper]()", and four topics are headings without content yet
        assertThat(rules(notes)).containsExactlyInAnyOrder("main-heading", "link-url", "empty-section", "empty-section",
                "empty-section", "empty-section");
        assertThat(notes).filteredOn(p -> p.rule().equals("link-url")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'ZooKeeper'", "empty link"));
        List<LintProblem> design = ListLinter.lint(MarkdownReader.read(Files.readString(Path.of("..", "seeds",
                "architecture-design-notes.md")), new IdSequence(0)), LintProfile.defaults());
        assertThat(rules(design)).containsOnly("empty-section");
        assertThat(design).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
    }

    static Stream<Path> realLists() throws IOException {
        Path seeds = Path.of("..", "seeds");
        Path real = Path.of("src", "test", "resources", "real-world");
        return Stream.concat(Files.list(seeds), Files.list(real))
                .filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("NOTICE.md")).sorted();
    }

    /** Real lists: every problem names an item that exists, on the line the item starts, and the same run gives the same report. */
    @ParameterizedTest
    @MethodSource("realLists")
    void realListsGetReportsThatPointAtTheirItems(Path file) throws IOException {
        String markdown = Files.readString(file, StandardCharsets.UTF_8);
        ListDocument document = MarkdownReader.read(markdown, new IdSequence(0));
        List<LintProblem> problems = ListLinter.lint(document, LintProfile.defaults());
        List<String> lines = markdown.lines().toList();
        for (LintProblem problem : problems) {
            assertThat(LintRule.byId(problem.rule())).isPresent();
            if (problem.item() != null) {
                assertThat(document.contains(problem.item())).as(problem.toString()).isTrue();
                assertThat(problem.line()).isBetween(1, lines.size());
                assertThat(problem.message()).contains(problem.item());
            }
        }
        assertThat(ListLinter.lint(document, LintProfile.defaults())).isEqualTo(problems);
    }
}

package dev.curation.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"distributed-systems-notes.md", "architecture-design-notes.md"})
    void seedsComeBackByteForByte(String seed) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("..", "seeds", seed));
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(MarkdownWriter.write(MarkdownReader.read(text)).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sindresorhus-awesome.md", "avelino-awesome-go.md", "jobbole-awesome-python-cn.md",
            "vinta-awesome-python.md"})
    void realWorldListsComeBackByteForByte(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("src", "test", "resources", "real-world", file));
        ListDocument document = MarkdownReader.read(new String(bytes, StandardCharsets.UTF_8));

        assertThat(MarkdownWriter.write(document).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
        assertThat(document.sections()).isNotEmpty();
        assertThat(document.nodes()).filteredOn(n -> n.kind() == DocumentNode.Kind.ENTRY).hasSizeGreaterThan(100);
    }

    @Test
    void seedStructureHasTopicsAndEntries() throws IOException {
        String text = Files.readString(Path.of("..", "seeds", "distributed-systems-notes.md"));
        ListDocument doc = MarkdownReader.read(text);

        Section first = doc.sections().getFirst();
        assertThat(first.title()).isEqualTo("分布式系统架构");
        assertThat(first.level()).isEqualTo(2);
        Section theory = first.sections().getFirst();
        assertThat(theory.title()).isEqualTo("论文");
        assertThat(theory.blocks()).filteredOn(Entry.class::isInstance).map(b -> ((Entry) b).title())
                .containsExactly("CAP", "BASE", "Gossip");
        Section tools = doc.sections().get(1).sections().stream()
                .filter(s -> s.title().equals("工具")).findFirst().orElseThrow();
        assertThat(entries(tools)).extracting(Entry::url)
                .contains("https://github.com/Netflix/eureka", "");
    }

    @Test
    void headingInsideFenceIsNotASection() {
        ListDocument doc = MarkdownReader.read("# A\n```\n# not a heading\n[x](http://x)\n```\n# B\n");

        assertThat(doc.sections()).extracting(Section::title).containsExactly("A", "B");
        assertThat(doc.sections().getFirst().blocks()).singleElement()
                .isEqualTo(new Text("t2", "```\n# not a heading\n[x](http://x)\n```\n"));
    }

    @Test
    void setextHeadingsAndNestingFollowLevels() {
        ListDocument doc = MarkdownReader.read("Title\n=====\n\n### deep\nSub\n---\n[a](http://a)\n# top\r\n");

        assertThat(doc.sections()).extracting(Section::title).containsExactly("Title", "top");
        Section title = doc.sections().getFirst();
        assertThat(title.heading()).isEqualTo("Title\n=====\n");
        assertThat(title.sections()).extracting(Section::title).containsExactly("deep", "Sub");
        assertThat(title.sections().get(1).level()).isEqualTo(2);
        assertThat(doc.sections().get(1).heading()).isEqualTo("# top\r\n");
    }

    @Test
    void linkLinesBecomeEntriesWithTheirStyle() {
        ListDocument doc = MarkdownReader.read("""
                ## T
                * [a](http://a) - first
                - [b](https://b): second
                [c](http://c)
                1. https://bare.example/x bare one
                [d] (http://d)
                [e]()
                [[f](u1)](u2)
                text only
                """);

        List<Block> blocks = doc.sections().getFirst().blocks();
        assertThat(blocks).hasSize(8);
        assertThat(blocks.get(0)).isEqualTo(new Entry("e2", "* [a](http://a) - first\n", "a", "http://a", "first"));
        assertThat(blocks.get(1)).isEqualTo(new Entry("e3", "- [b](https://b): second\n", "b", "https://b", "second"));
        assertThat(blocks.get(2)).isEqualTo(new Entry("e4", "[c](http://c)\n", "c", "http://c", ""));
        assertThat(blocks.get(3)).isEqualTo(new Entry("e5", "1. https://bare.example/x bare one\n",
                "https://bare.example/x", "https://bare.example/x", "bare one"));
        assertThat(blocks.get(4)).isInstanceOf(Text.class);
        assertThat(blocks.get(5)).isEqualTo(new Entry("e7", "[e]()\n", "e", "", ""));
        assertThat(blocks.get(6)).isEqualTo(new Entry("e8", "[[f](u1)](u2)\n", "[f](u1)", "u2", ""));
        assertThat(blocks.get(7)).isInstanceOf(Text.class);
    }

    @Test
    void emptyInputAndTextWithoutHeadings() {
        assertThat(MarkdownReader.read("").nodes()).isEmpty();
        ListDocument doc = MarkdownReader.read("just prose\n\n<div>\n# x\n</div>");
        assertThat(doc.sections()).isEmpty();
        assertThat(MarkdownWriter.write(doc)).isEqualTo("just prose\n\n<div>\n# x\n</div>");
    }

    private static List<Entry> entries(Section section) {
        return section.blocks().stream().filter(Entry.class::isInstance).map(Entry.class::cast).toList();
    }

    /** Hostile nesting: 20,000 list markers, emphasis and brackets deep; read without recursion, still lossless. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void deepNestingNeitherOverflowsNorLosesBytes(int kind) {
        String markdown = switch (kind) {
            case 0 -> "- ".repeat(20_000) + "x\n";
            case 1 -> "> - ".repeat(10_000) + "x\n";
            case 2 -> "*".repeat(50_000) + "a" + "*".repeat(50_000) + "\n";
            case 3 -> "[".repeat(20_000) + "a" + "](u)".repeat(20_000) + "\n";
            case 4 -> "# " + "*".repeat(20_000) + "a" + "*".repeat(20_000) + "\n";
            default -> "1. ".repeat(20_000) + "x\n";
        };
        ListDocument document = MarkdownReader.read(markdown);
        assertThat(MarkdownWriter.write(document)).isEqualTo(markdown);
    }

    @Test
    void headingTitlesAreTheirPlainText() {
        ListDocument doc = MarkdownReader.read("# **Bold** and [link](https://x.io) `code`\n\nSetext *title*\n===\n\n## Closed ##\n");
        assertThat(doc.sections()).extracting(Section::title)
                .containsExactly("Bold and \"link\" (https://x.io) \"code\"", "Setext title");
        assertThat(doc.sections().get(1).sections()).extracting(Section::title).containsExactly("Closed");
        String longTitle = "word ".repeat(300).strip();
        assertThat(MarkdownReader.read("## " + longTitle + " ##\n").sections().getFirst().title()).isEqualTo(longTitle);
    }
}

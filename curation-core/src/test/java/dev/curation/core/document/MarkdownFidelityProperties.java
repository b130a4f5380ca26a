package dev.curation.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import dev.curation.core.list.ImportEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fidelity contract: export(import(x)) == x byte for byte, and the import events fold back to the same document. */
class MarkdownFidelityProperties {

    @Property(tries = 500)
    void listLikeDocumentsRoundTrip(@ForAll("listDocuments") String markdown) {
        assertRoundTrip(markdown);
    }

    @Property(tries = 300)
    void anyUnicodeTextRoundTrips(@ForAll("anyText") String markdown) {
        assertRoundTrip(markdown);
    }

    @Property(tries = 200)
    void importEventsFoldToTheReadDocument(@ForAll("listDocuments") String markdown) {
        ListDocument read = MarkdownReader.read(markdown);
        // small parts so that multi-part imports are exercised too
        List<ListEvent> events = ImportEvents.of(new ImportList("list-1", "x", markdown), 200);

        ListDocument folded = ListFold.fold(events);

        assertThat(folded.nodes()).isEqualTo(read.nodes());
        assertThat(MarkdownWriter.write(folded)).isEqualTo(markdown);
    }

    private static void assertRoundTrip(String markdown) {
        ListDocument document = MarkdownReader.read(markdown);
        String written = MarkdownWriter.write(document);
        assertThat(written.getBytes(StandardCharsets.UTF_8)).isEqualTo(markdown.getBytes(StandardCharsets.UTF_8));
        assertThat(ListDocument.of(document.nodes()).nodes()).isEqualTo(document.nodes());
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.chars().with("#*-+[]()`~=<>|\\ \t\n\r!:1.")),
                net.jqwik.api.Tuple.of(5, Arbitraries.chars().range('a', 'z')),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('\u4e00', '\u4fff')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().all().filter(c -> !Character.isSurrogate(c))));
        return chars.list().ofMaxSize(300).map(cs -> {
            StringBuilder sb = new StringBuilder();
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    @Provide
    Arbitrary<String> listDocuments() {
        Arbitrary<String> eol = Arbitraries.of("\n", "\n", "\n", "\r\n");
        Arbitrary<String> line = Arbitraries.oneOf(
                heading(), linkLine(), linkLine(), linkLine(), prose(), Arbitraries.of("", " ", "\t", "   "),
                fence(), Arbitraries.of(
                        "<div align=\"center\">\n<img src=\"x.png\">\n</div>",
                        "| a | b |\n|---|---|\n| [x](http://x) | 1 |",
                        "[ref]: https://example.com/ref",
                        "> quoted [q](http://q)",
                        "---", "***", "Setext title\n=====", "Another\n---",
                        "    indented code # not heading",
                        "- item\n\n  ```\n  # inside list fence\n  ```",
                        "[a] (http://odd)", "[a]()", "[[nested](http://n)](http://n)",
                        "https://bare.example.com/path?q=1", "* https://bare.example.com",
                        "<!-- comment -->"));
        return Combinators.combine(line.list().ofMaxSize(40), eol, Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((lines, terminator, finalNewline, mixed) -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < lines.size(); i++) {
                        String l = lines.get(i);
                        String t = mixed && i % 3 == 0 ? "\r\n" : terminator;
                        sb.append(l.replace("\n", t));
                        if (i < lines.size() - 1 || finalNewline) {
                            sb.append(t);
                        }
                    }
                    return sb.toString();
                });
    }

    private Arbitrary<String> heading() {
        return Combinators.combine(Arbitraries.integers().between(1, 7), words(), Arbitraries.of("", " ", " ##", "  "))
                .as((level, title, tail) -> "#".repeat(level) + (title.isEmpty() ? "" : " " + title) + tail);
    }

    private Arbitrary<String> linkLine() {
        return Combinators.combine(Arbitraries.of("", "* ", "- ", "+ ", "1. ", "  - ", "\t* "), words(),
                        Arbitraries.of("https://example.com/a", "http://x.cn/路径?q=1&b=2", "mailto:a@b.c", "",
                                "https://e.com/(paren)"),
                        Arbitraries.of("", " - a description", ": 描述", "  ", " — dash"))
                .as((marker, title, url, rest) -> marker + "[" + title + "](" + url + ")" + rest);
    }

    private Arbitrary<String> prose() {
        return words().map(w -> w.isEmpty() ? "Resources: " : w + ":");
    }

    private Arbitrary<String> fence() {
        return Combinators.combine(Arbitraries.of("```", "~~~", "````"), words())
                .as((f, w) -> f + "\n# " + w + "\n[l](http://l)\n\n" + f);
    }

    private Arbitrary<String> words() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withChars(' ').ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(8),
                Arbitraries.of("Kafka", "消息系统", "工具", "Event Sourcing", "C++ & *stars*", "`code`"));
    }
}

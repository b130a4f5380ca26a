package dev.curation.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The tree and what holds each item: the document (preamble, top level) or a section. */
class ListDocumentTest {

    private static final String MARKDOWN = """
            Intro line
            # Top
            - [A](https://a.example)
            ## Child
            Some text
            # Other
            """;

    private final ListDocument document = MarkdownReader.read(MARKDOWN);

    private String id(String title) {
        return document.nodes().stream().filter(n -> title.equals(n.title())).findFirst().orElseThrow().id();
    }

    @Test
    void theDocumentHoldsThePreambleAndTheTopLevelSections() {
        String intro = document.preamble().getFirst().id();

        assertThat(document.parentOfBlock(intro)).isEqualTo(Parent.DOCUMENT);
        assertThat(document.parentOf(id("Top"))).isEqualTo(Parent.DOCUMENT);
        assertThat(document.blocksOf(Parent.DOCUMENT)).isEqualTo(document.preamble());
        assertThat(document.sectionsOf(Parent.DOCUMENT)).extracting(Section::title).containsExactly("Top", "Other");
    }

    @Test
    void aSectionHoldsItsBlocksAndSubSections() {
        Parent top = Parent.section(id("Top"));

        assertThat(document.parentOfBlock(id("A"))).isEqualTo(top);
        assertThat(document.parentOf(id("Child"))).isEqualTo(top);
        assertThat(document.sectionsOf(top)).extracting(Section::title).containsExactly("Child");
        assertThat(document.depthOf(id("Child"))).isEqualTo(2);
        assertThat(document.depthOf(id("Top"))).isEqualTo(1);
        assertThat(document.isWithin(id("Child"), id("Top"))).isTrue();
        assertThat(document.isWithin(id("Top"), id("Child"))).isFalse();
    }

    @Test
    void theWireSaysNullForTheDocumentAndTheSectionIdOtherwise() {
        assertThat(Parent.DOCUMENT.wireId()).isNull();
        assertThat(Parent.of(null)).isEqualTo(Parent.DOCUMENT);
        assertThat(Parent.of("s7")).isEqualTo(Parent.section("s7"));
        assertThat(Parent.section("s7").wireId()).isEqualTo("s7");
        assertThat(document.nodes()).filteredOn(n -> n.id().equals(id("Child")))
                .singleElement().extracting(DocumentNode::parent).isEqualTo(id("Top"));
        assertThat(document.nodes().getFirst().parent()).isNull();
    }

    @Test
    void movingASectionChangesWhatHoldsIt() {
        ListDocument copy = document.copy();

        copy.moveSection(id("Child"), Parent.DOCUMENT, 0);

        assertThat(copy.parentOf(id("Child"))).isEqualTo(Parent.DOCUMENT);
        assertThat(copy.sectionsOf(Parent.DOCUMENT)).extracting(Section::title).containsExactly("Child", "Top", "Other");
        assertThat(document.parentOf(id("Child"))).as("the original is untouched").isEqualTo(Parent.section(id("Top")));
    }

    @Test
    void anUnknownSectionIsNotAParent() {
        assertThatThrownBy(() -> document.blocksOf(Parent.section("s999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s999");
    }

    @Test
    void itsEstimatedSizeFollowsItsItemsAndTheirText() {
        ListDocument shortLinks = MarkdownReader.read("# T\n\n- [a](https://a.example)\n- [b](https://b.example)\n",
                new IdSequence(0));
        ListDocument longLinks = MarkdownReader.read("# T\n\n- [a](https://a.example) - " + "a long description ".repeat(20)
                + "\n- [b](https://b.example)\n", new IdSequence(0));
        long before = shortLinks.estimatedBytes();

        assertThat(new ListDocument().estimatedBytes()).isZero();
        assertThat(longLinks.estimatedBytes()).isGreaterThan(before + 4 * 300);
        shortLinks.insertBlock(shortLinks.blocksOf(Parent.section(shortLinks.sections().get(0).id())).isEmpty()
                ? Parent.DOCUMENT : Parent.section(shortLinks.sections().get(0).id()), 0,
                new Entry("e99", "- [c](https://c.example)", "c", "https://c.example", ""));
        assertThat(shortLinks.estimatedBytes()).isEqualTo(before + 380 + 4 * "- [c](https://c.example)".length());
        shortLinks.removeBlock("e99");
        assertThat(shortLinks.estimatedBytes()).isEqualTo(before);
    }
}

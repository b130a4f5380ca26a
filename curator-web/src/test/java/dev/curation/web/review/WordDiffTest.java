package dev.curation.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void marksTheWordsThatChangedAndKeepsTheRest() {
        List<Segment> diff = WordDiff.of("A small fast database engine.", "A small, fast, self-contained SQL engine.");

        assertThat(render(WordDiff.before(diff))).isEqualTo("A small fast[- database -]engine.");
        assertThat(render(WordDiff.after(diff))).isEqualTo("A small{+,+} fast{+, self-contained SQL +}engine.");
    }

    @Test
    void comparesChineseCharacterByCharacter() {
        List<Segment> diff = WordDiff.of("一个易于理解的共识算法", "一个易懂的共识算法");

        assertThat(render(diff)).isEqualTo("一个易[-于理解-]{+懂+}的共识算法");
    }

    @Test
    void anEmptySideIsAllAddedOrAllRemoved() {
        assertThat(WordDiff.of("", "DuckDB")).containsExactly(new Segment(Segment.Kind.ADDED, "DuckDB"));
        assertThat(WordDiff.of("SQLite", "")).containsExactly(new Segment(Segment.Kind.REMOVED, "SQLite"));
        assertThat(WordDiff.of("", "")).isEmpty();
    }

    @Test
    void equalTextsAreOneUnchangedSegment() {
        assertThat(WordDiff.of("Raft 共识算法", "Raft 共识算法")).containsExactly(new Segment(Segment.Kind.SAME, "Raft 共识算法"));
    }

    @Test
    void tokensAreWordsSpacesPunctuationAndSingleIdeographs() {
        assertThat(WordDiff.tokens("Hello, 世界  x2")).containsExactly("Hello", ",", " ", "世", "界", "  ", "x2");
    }

    @Test
    void veryLongTextsAreReplacedWhole() {
        String longText = "word ".repeat(WordDiff.MAX_TOKENS);
        assertThat(WordDiff.of(longText, "other")).extracting(Segment::kind)
                .containsExactly(Segment.Kind.REMOVED, Segment.Kind.ADDED);
    }

    private static String render(List<Segment> segments) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            text.append(switch (segment.kind()) {
                case SAME -> segment.text();
                case REMOVED -> "[-" + segment.text() + "-]";
                case ADDED -> "{+" + segment.text() + "+}";
            });
        }
        return text.toString();
    }
}

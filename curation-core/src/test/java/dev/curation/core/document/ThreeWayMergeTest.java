package dev.curation.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The node-level rebase of a git commit onto a list that changed meanwhile. */
class ThreeWayMergeTest {

    private static final String BASE = "# Tools\n\n* [Kafka](https://kafka.apache.org) - log\n* [Nacos](https://nacos.io) - config\n"
            + "* [Redis](https://redis.io) - cache\n\n## Books\n\n* [DDIA](https://dataintensive.net)\n";

    private final MarkdownFidelityProperties documents = new MarkdownFidelityProperties();

    private static ListDocument list(String markdown) {
        return MarkdownReader.read(markdown, new IdSequence(0));
    }

    @Test
    void changesToDifferentEntriesBothStayEvenNextToEachOther() {
        String ours = BASE.replace("- log", "- a distributed log");
        String theirs = BASE.replace("- config", "- configuration").replace("- cache\n", "- cache\n* [Pulsar](https://pulsar.apache.org)\n");

        ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, list(ours), 1000, theirs);

        assertThat(result.clashes()).isEmpty();
        assertThat(result.markdown()).isEqualTo(BASE.replace("- log", "- a distributed log").replace("- config", "- configuration")
                .replace("- cache\n", "- cache\n* [Pulsar](https://pulsar.apache.org)\n"));
    }

    @Test
    void bothChangingOneEntryIsAClashAndOursStays() {
        String ours = BASE.replace("- config", "- service discovery");
        String theirs = BASE.replace("- config", "- configuration").replace("# Tools", "# Tools!");

        ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, list(ours), 1000, theirs);

        assertThat(result.clashes()).singleElement().satisfies(clash -> {
            assertThat(clash.ours().raw()).contains("service discovery");
            assertThat(clash.theirs().raw()).contains("configuration");
        });
        assertThat(result.markdown()).isEqualTo(ours.replace("# Tools", "# Tools!"));
    }

    @Test
    void theirRemovalOfAnEntryWeEditedIsAClash() {
        String ours = BASE.replace("- cache", "- a cache");
        String theirs = BASE.replace("* [Redis](https://redis.io) - cache\n", "");

        ThreeWayMerge.Result result = ThreeWayMerge.merge(BASE, list(ours), 1000, theirs);

        assertThat(result.clashes()).singleElement().satisfies(clash -> assertThat(clash.theirs()).isNull());
        assertThat(result.markdown()).isEqualTo(ours);
    }

    @Property(tries = 200)
    void withNothingChangedHereTheResultIsTheirFile(@ForAll("files") String base, @ForAll("files") String theirs) {
        ThreeWayMerge.Result result = ThreeWayMerge.merge(base, list(base), 1000, theirs);

        assertThat(result.clashes()).isEmpty();
        assertThat(result.markdown()).isEqualTo(theirs);
    }

    @Property(tries = 200)
    void withNothingChangedThereTheResultIsOurs(@ForAll("files") String base, @ForAll("files") String ours) {
        ThreeWayMerge.Result result = ThreeWayMerge.merge(base, list(ours), 1000, base);

        assertThat(result.clashes()).isEmpty();
        assertThat(result.markdown()).isEqualTo(ours);
    }

    @Property(tries = 300)
    void whateverBothSidesDidTheResultIsAListAndKeepsEveryLineOnlyOneSideAdded(@ForAll("files") String base,
                                                                               @ForAll("files") String ours,
                                                                               @ForAll("files") String theirs) {
        ThreeWayMerge.Result result = ThreeWayMerge.merge(base, list(ours), 1000, theirs);

        assertThat(MarkdownWriter.write(MarkdownReader.read(result.markdown()))).isEqualTo(result.markdown());
        Set<String> baseLines = lines(base);
        Set<String> theirLines = lines(theirs);
        Set<String> resultLines = lines(result.markdown());
        // a line only we added stays (nothing of theirs can remove what they never had)
        lines(ours).stream().filter(l -> !baseLines.contains(l) && !theirLines.contains(l))
                .forEach(l -> assertThat(resultLines).contains(l));
    }

    private static Set<String> lines(String text) {
        return Arrays.stream(text.replace("\r", "").split("\n")).filter(l -> !l.isBlank()).collect(Collectors.toSet());
    }

    @Provide
    Arbitrary<String> files() {
        return documents.listDocuments();
    }
}

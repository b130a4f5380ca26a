package dev.curation.core.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

/**
 * A list becoming a new file (a git commit): whatever the two files, the steps rebuild the new one
 * byte for byte, ids stay unique, and nodes the commit did not touch keep their ids.
 */
class DocumentSyncProperties {

    private final MarkdownFidelityProperties documents = new MarkdownFidelityProperties();

    @Property(tries = 400)
    void anyFileBecomesTheListByteForByte(@ForAll("pairs") Tuple2<String, String> pair) {
        ListDocument old = MarkdownReader.read(pair.get1(), new IdSequence(0));
        long lastId = old.nodes().stream().mapToLong(n -> IdSequence.numberOf(n.id())).max().orElse(0);

        DocumentSync.Plan plan = DocumentSync.plan(old, lastId, pair.get2());
        ListDocument synced = DocumentSync.apply(old, plan.steps());

        assertThat(MarkdownWriter.write(synced).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(pair.get2().getBytes(StandardCharsets.UTF_8));
        assertThat(synced.nodes()).isEqualTo(plan.nodes());
        Set<String> ids = new HashSet<>();
        synced.nodes().forEach(n -> assertThat(ids.add(n.id())).as("unique id %s", n.id()).isTrue());
        // what stayed keeps its id, what went is named, and new ids come after the old ones
        Set<String> before = old.nodes().stream().map(DocumentNode::id).collect(Collectors.toSet());
        assertThat(plan.removed()).allMatch(before::contains).noneMatch(ids::contains);
        synced.nodes().stream().filter(n -> !before.contains(n.id()))
                .forEach(n -> assertThat(IdSequence.numberOf(n.id())).isGreaterThan(lastId));
        assertThat(plan.lastId()).isGreaterThanOrEqualTo(lastId);
        assertThat(old.nodes()).as("the old document is left as it was")
                .isEqualTo(MarkdownReader.read(pair.get1(), new IdSequence(0)).nodes());
    }

    @Test
    void oneChangedLineStoresOneNodeAndKeepsEveryOtherId() {
        String before = "# Tools\n\n* [Kafka](https://kafka.apache.org) - log\n* [Nacos](https://nacos.io) - config\n\n## Docs\n\nText.\n";
        String after = before.replace("- config", "- configuration");
        ListDocument old = MarkdownReader.read(before, new IdSequence(0));

        DocumentSync.Plan plan = DocumentSync.plan(old, 100, after);

        assertThat(plan.put()).hasSize(1);
        assertThat(plan.removed()).isEmpty();
        Map<String, DocumentNode> byId = plan.nodes().stream().collect(Collectors.toMap(DocumentNode::id, Function.identity()));
        assertThat(old.nodes()).allMatch(n -> byId.containsKey(n.id()));
        DocumentNode nacos = plan.nodes().stream().filter(n -> "https://nacos.io".equals(n.url())).findFirst().orElseThrow();
        assertThat(plan.put()).containsExactly(nacos.id());
        assertThat(old.block(nacos.id())).isNotNull();
    }

    @Test
    void anEntryWithANewTitleIsTheSameEntryAndATopicWithANewLevelTheSameTopic() {
        String before = "# A\n\n* [Kafka](https://kafka.apache.org)\n\n## B\n\n* [X](https://x.example)\n";
        String after = "# A\n\n* [Apache Kafka](https://kafka.apache.org)\n\n### B\n\n* [X](https://x.example)\n";
        ListDocument old = MarkdownReader.read(before, new IdSequence(0));

        DocumentSync.Plan plan = DocumentSync.plan(old, 50, after);

        assertThat(plan.removed()).isEmpty();
        assertThat(plan.nodes().stream().map(DocumentNode::id).toList())
                .containsExactlyElementsOf(old.nodes().stream().map(DocumentNode::id).toList());
    }

    @Test
    void anUnchangedFileIsOneKeep() {
        String text = "# A\n\n* [Kafka](https://kafka.apache.org)\n";
        ListDocument old = MarkdownReader.read(text, new IdSequence(0));

        DocumentSync.Plan plan = DocumentSync.plan(old, 9, text);

        assertThat(plan.unchanged()).isTrue();
        assertThat(plan.steps()).hasSize(1);
    }

    @Provide
    Arbitrary<Tuple2<String, String>> pairs() {
        Arbitrary<String> any = documents.listDocuments();
        return Arbitraries.oneOf(
                Combinators.combine(any, any).as(Tuple::of),
                any.flatMap(a -> mutation(a).map(b -> Tuple.of(a, b))));
    }

    /** A few line edits of {@code text}: lines removed, duplicated, swapped or replaced by others. */
    private Arbitrary<String> mutation(String text) {
        List<String> lines = List.of(text.split("(?<=\n)", -1));
        Arbitrary<String> other = documents.listDocuments().map(s -> s.isEmpty() ? "\n" : s + "\n");
        return Combinators.combine(Arbitraries.integers().between(0, 3).list().ofMaxSize(6),
                Arbitraries.integers().between(0, Math.max(0, lines.size() - 1)).list().ofSize(6), other.list().ofSize(6))
                .as((ops, positions, fresh) -> {
                    List<String> out = new ArrayList<>(lines);
                    for (int i = 0; i < ops.size() && !out.isEmpty(); i++) {
                        int at = Math.min(positions.get(i), out.size() - 1);
                        switch (ops.get(i)) {
                            case 0 -> out.remove(at);
                            case 1 -> out.add(at, out.get(at));
                            case 2 -> out.set(at, fresh.get(i));
                            default -> out.add(at, fresh.get(i));
                        }
                    }
                    return String.join("", out);
                });
    }
}

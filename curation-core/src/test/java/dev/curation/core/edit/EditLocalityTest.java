package dev.curation.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.curation.core.document.Block;
import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.Entry;
import dev.curation.core.document.IdSequence;
import dev.curation.core.document.Lines;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.document.Parent;
import dev.curation.core.document.Section;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListFold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of edit changes only the lines it touches, on the two seed lists (expected unified diffs). */
class EditLocalityTest {

    private static final String DSN = "distributed-systems-notes.md";
    private static final String ADN = "architecture-design-notes.md";

    @Test
    void addLinkAppendsOneLineInTheStyleOfTheTopic() throws IOException {
        Seed seed = seed(DSN);
        String tools = seed.section("工具");

        assertThat(seed.diff(new Edit.AddLink(tools, null, "Nacos", "https://nacos.io", null))).isEqualTo("""
                @@ -41,6 +41,7 @@
                \s
                 服务调度
                 - [Ribbon](https://github.com/Netflix/ribbon)
                +- [Nacos](https://nacos.io)
                \s
                \s
                 ## 消息系统
                """);
    }

    @Test
    void addLinkCopiesStarBulletsAndDescriptionSeparator() throws IOException {
        Seed seed = seed(ADN);
        String top = seed.section("架构设计");

        String diff = seed.diff(new Edit.AddLink(top, 1, "C4 model", "https://c4model.example/", "diagrams"));

        assertThat(diff).contains("+* [C4 model](https://c4model.example/) - diagrams\n");
        assertThat(addedLines(diff)).hasSize(1);
        assertThat(removedLines(diff)).isEmpty();
    }

    @Test
    void linkWithoutBulletGetsNoBullet() throws IOException {
        Seed seed = seed(DSN);
        String kafka = seed.section("Kafka");

        String diff = seed.diff(new Edit.AddLink(kafka, 0, "Kafka docs", "https://kafka.apache.org/documentation/", null));

        assertThat(addedLines(diff)).containsExactly("[Kafka docs](https://kafka.apache.org/documentation/)");
        assertThat(removedLines(diff)).isEmpty();
    }

    @Test
    void editLinkRewritesOnlyItsLine() throws IOException {
        Seed seed = seed(DSN);
        String zookeeper = seed.entry("ZooKeeper");

        String diff = seed.diff(new Edit.EditLink(zookeeper, null, "https://zookeeper.apache.org/", "coordination"));

        assertThat(removedLines(diff)).containsExactly("- [ZooKeeper]()");
        assertThat(addedLines(diff)).containsExactly("- [ZooKeeper](https://zookeeper.apache.org/) - coordination");
    }

    @Test
    void removeAndMoveLinkTouchOnlyThatLine() throws IOException {
        Seed seed = seed(DSN);
        String hystrix = seed.entry("Hystrix");
        String discovery = seed.section("服务注册与发现");

        assertThat(removedLines(seed.diff(new Edit.RemoveLink(hystrix)))).containsExactly("- [Hystrix](https://github.com/Netflix/Hystrix)");
        assertThat(addedLines(seed.diff(new Edit.RemoveLink(hystrix)))).isEmpty();

        String moved = seed.diff(new Edit.MoveLink(hystrix, discovery, 0));
        assertThat(removedLines(moved)).containsExactly("- [Hystrix](https://github.com/Netflix/Hystrix)");
        assertThat(addedLines(moved)).containsExactly("- [Hystrix](https://github.com/Netflix/Hystrix)");
    }

    @Test
    void movedTopicKeepsItsLinesVerbatim() throws IOException {
        Seed seed = seed(DSN);
        String messaging = seed.section("消息系统");

        ListDocument after = seed.apply(new Edit.MoveSection(messaging, null, seed.topLevelIndexAfter("架构模型")));

        String before = seed.text;
        String block = before.substring(before.indexOf("## 消息系统\n"), before.indexOf("## 网络模型\n"));
        String text = MarkdownWriter.write(after);
        assertThat(text).contains(block);
        assertThat(text.indexOf("## 消息系统\n")).isGreaterThan(text.indexOf("## 架构模型\n"));
        assertThat(text.indexOf("## 消息系统\n")).isLessThan(text.indexOf("## 压测工具\n"));
        assertThat(text.length()).isEqualTo(before.length());
        assertThat(Lines.split(text)).containsExactlyInAnyOrderElementsOf(Lines.split(before));
    }

    @Test
    void topicMovedDeeperIsRelevelledAndNothingElseChanges() throws IOException {
        Seed seed = seed(DSN);
        String messaging = seed.section("消息系统");
        String microservices = seed.section("微服务架构");

        String diff = seed.diff(new Edit.MoveSection(messaging, microservices, null));

        assertThat(removedLines(diff)).contains("## 消息系统", "### 消息协议", "### Kafka", "### RabbitMQ", "### ZeroMQ");
        assertThat(addedLines(diff)).contains("### 消息系统", "#### 消息协议", "#### Kafka", "#### RabbitMQ", "#### ZeroMQ");
        assertThat(addedLines(diff)).allSatisfy(line -> assertThat(removedLines(diff))
                .contains(line.replaceFirst("^#(#+)", "$1")));
    }

    @Test
    void renameAddAndRemoveTopics() throws IOException {
        Seed seed = seed(DSN);

        String renamed = seed.diff(new Edit.RenameSection(seed.section("工具"), "Tools"));
        assertThat(removedLines(renamed)).containsExactly("### 工具");
        assertThat(addedLines(renamed)).containsExactly("### Tools");

        String added = seed.diff(new Edit.AddSection(seed.section("微服务架构"), 1, "网关"));
        assertThat(addedLines(added)).containsExactly("### 网关", "");
        assertThat(removedLines(added)).isEmpty();

        String removed = seed.diff(new Edit.RemoveSection(seed.section("RabbitMQ"), false));
        assertThat(removedLines(removed)).containsExactly("### RabbitMQ", "");
        assertThat(addedLines(removed)).isEmpty();
    }

    @Test
    void removingATopicWithEntriesNeedsAnExplicitChoice() throws IOException {
        Seed seed = seed(DSN);
        String tools = seed.section("工具");

        assertThatThrownBy(() -> seed.apply(new Edit.RemoveSection(tools, false)))
                .isInstanceOf(EditException.NotEmpty.class).hasMessageContaining("withContent");
        ListDocument after = seed.apply(new Edit.RemoveSection(tools, true));
        assertThat(after.section(tools)).isNull();
        assertThat(after.block(seed.entry("Hystrix"))).isNull();
    }

    @Test
    void textBlocksCanBeAddedEditedAndRemoved() throws IOException {
        Seed seed = seed(DSN);
        String kafka = seed.section("Kafka");

        assertThat(addedLines(seed.diff(new Edit.AddText(kafka, null, "See also: the Kafka book.")))).containsExactly("See also: the Kafka book.");
        String prose = seed.document.blocksOf(Parent.section(seed.section("工具"))).stream()
                .filter(b -> b.raw().startsWith("服务降级熔断")).findFirst().orElseThrow().id();
        String edited = seed.diff(new Edit.EditText(prose, "熔断"));
        assertThat(removedLines(edited)).containsExactly("服务降级熔断");
        assertThat(addedLines(edited)).containsExactly("熔断");
        assertThat(removedLines(seed.diff(new Edit.RemoveText(prose)))).containsExactly("服务降级熔断");
    }

    @Test
    void rulesAreEnforcedWithTheFieldNamed() throws IOException {
        Seed seed = seed(DSN);
        String tools = seed.section("工具");

        assertThatThrownBy(() -> seed.apply(new Edit.AddLink(tools, null, "x", "javascript:alert(1)", null)))
                .isInstanceOf(EditException.Invalid.class).hasMessageContaining("edits[0].url").hasMessageContaining("javascript");
        assertThatThrownBy(() -> seed.apply(new Edit.AddLink(tools, null, " ", "https://x.example", null)))
                .isInstanceOf(EditException.Invalid.class).hasMessageContaining("edits[0].title");
        assertThatThrownBy(() -> seed.apply(new Edit.AddLink(tools, null, "a\u0007b", "https://x.example", null)))
                .isInstanceOf(EditException.Invalid.class).hasMessageContaining("control");
        assertThatThrownBy(() -> seed.apply(new Edit.AddLink(tools, null, "Eureka again", "https://github.com/Netflix/eureka/", null)))
                .isInstanceOfSatisfying(EditException.DuplicateUrl.class,
                        e -> assertThat(e.existingEntry()).isEqualTo(seed.entry("Euraka")));
        assertThatThrownBy(() -> seed.apply(new Edit.AddLink("s999", null, "x", "https://x.example", null)))
                .isInstanceOf(EditException.UnknownItem.class).hasMessageContaining("s999");
        assertThatThrownBy(() -> seed.apply(new Edit.MoveSection(seed.section("微服务架构"), tools, null)))
                .isInstanceOf(EditException.Invalid.class).hasMessageContaining("into itself");
    }

    @Test
    void stateAfterEventsIsTheSameOnBothSides() throws IOException {
        Seed seed = seed(DSN);
        List<ListEvent> events = ListEditor.decide("l", seed.document, seed.ids(), List.of(
                new Edit.AddLink(seed.section("工具"), null, "Nacos", "https://nacos.io", null),
                new Edit.MoveSection(seed.section("消息系统"), null, 0),
                new Edit.EditLink(seed.entry("Hystrix"), "Hystrix (retired)", null, null)));

        ListDocument folded = seed.document.copy();
        events.forEach(e -> ListFold.apply(folded, e));
        ListDocument reread = MarkdownReader.read(MarkdownWriter.write(folded));
        assertThat(MarkdownWriter.write(reread)).isEqualTo(MarkdownWriter.write(folded));
        assertThat(reread.nodes().stream().map(DocumentNode::title).toList())
                .isEqualTo(folded.nodes().stream().map(DocumentNode::title).toList());
    }

    record Seed(String text, ListDocument document) {

        String diff(Edit edit) {
            String after = MarkdownWriter.write(apply(edit));
            List<String> a = Lines.split(text).stream().map(Lines::content).toList();
            List<String> b = Lines.split(after).stream().map(Lines::content).toList();
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a", "b", a, DiffUtils.diff(a, b), 3);
            return String.join("\n", diff.subList(2, diff.size())) + "\n";
        }

        ListDocument apply(Edit edit) {
            ListDocument copy = document.copy();
            ListEditor.decide("l", document, ids(), List.of(edit)).forEach(e -> ListFold.apply(copy, e));
            return copy;
        }

        IdSequence ids() {
            return new IdSequence(10_000);
        }

        String section(String title) {
            return document.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.SECTION && n.title().strip().equals(title))
                    .findFirst().orElseThrow().id();
        }

        String entry(String title) {
            return document.nodes().stream().filter(n -> n.kind() == DocumentNode.Kind.ENTRY && n.title().equals(title))
                    .findFirst().orElseThrow().id();
        }

        int topLevelIndexAfter(String title) {
            List<Section> top = document.sections();
            String moving = section("消息系统");
            List<Section> without = top.stream().filter(s -> !s.id().equals(moving)).toList();
            for (int i = 0; i < without.size(); i++) {
                if (without.get(i).title().equals(title)) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException(title);
        }
    }

    static Seed seed(String name) throws IOException {
        String text = Files.readString(Path.of("..", "seeds", name));
        return new Seed(text, MarkdownReader.read(text));
    }

    static List<String> addedLines(String diff) {
        return diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")).map(l -> l.substring(1)).toList();
    }

    static List<String> removedLines(String diff) {
        return diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")).map(l -> l.substring(1)).toList();
    }

    @SuppressWarnings("unused")
    private static List<Block> entries(Section s) {
        return s.blocks().stream().filter(Entry.class::isInstance).toList();
    }
}

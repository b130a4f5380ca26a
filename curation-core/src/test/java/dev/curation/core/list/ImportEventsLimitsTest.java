package dev.curation.core.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.curation.core.document.DocumentNode;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.input.InputException;
import dev.curation.core.input.InputLimits;
import dev.curation.core.input.JsonSize;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportEventsLimitsTest {

    private static final InputLimits LIMITS = new InputLimits(10, 1 << 20, 1 << 20, 64 * 1024);

    @Test
    void partsAreCutByBytesNotCharacters() {
        // three bytes per character: cut by characters, a part would be three times the budget
        StringBuilder markdown = new StringBuilder("# 服务\n");
        for (int i = 0; i < 2000; i++) {
            markdown.append("- [服务").append(i).append("](https://例子.cn/").append(i).append(") 服务注册与发现\n");
        }
        List<ListEvent> events = ImportEvents.of(new ImportList("l", "cn", markdown.toString()), LIMITS);
        assertThat(events).hasSizeGreaterThan(3);
        for (ListEvent event : events.subList(1, events.size())) {
            long bytes = ((ListContentImported) event).nodes().stream().mapToLong(ImportEvents::bytes).sum();
            assertThat(bytes).isLessThanOrEqualTo(LIMITS.importPartBytes());
            long json = ((ListContentImported) event).nodes().stream()
                    .mapToLong(n -> JsonSize.of(n.raw()) + JsonSize.of(n.title()) + JsonSize.of(n.url())).sum();
            assertThat(json).isLessThan(LIMITS.maxEventBytes());
        }
        ListDocument folded = null;
        for (ListEvent event : events) {
            folded = ListFold.apply(folded, event);
        }
        assertThat(MarkdownWriter.write(folded)).isEqualTo(markdown.toString());
    }

    @Test
    void aBlockTooLargeForOneEventIsRefusedNamingItsLine() {
        String fence = "```\n" + "code line\n".repeat(5000) + "```\n";
        assertThatThrownBy(() -> ImportEvents.of(new ImportList("l", "big", "# T\n\n" + fence), LIMITS))
                .isInstanceOf(InputException.TooLarge.class)
                .hasMessageContaining("the block starting at line 3");
    }

    @Test
    void nodeBytesBoundItsJson() {
        DocumentNode node = new DocumentNode(DocumentNode.Kind.ENTRY, "e1", "s1", null, "- [\"a\"](u) \u0001\n", "\"a\"",
                "u", null);
        assertThat(ImportEvents.bytes(node)).isGreaterThan(JsonSize.of(node.raw()) + JsonSize.of(node.title()));
    }
}

package dev.curation.command.list;

import dev.curation.core.input.InputLimits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.document.MarkdownWriter;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.ListContentImported;
import dev.curation.core.list.ListImported;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CuratedListTest {

    private static final String MARKDOWN = "# Tools\n* [Kafka](https://kafka.apache.org)\n\n## 工具\n[Nacos](https://nacos.io)\n";

    private final Set<String> claimed = new HashSet<>();
    private AggregateTestFixture<CuratedList> fixture;

    @BeforeEach
    void setUp() {
        fixture = CuratedListFixture.of((slug, listId) -> {
            if (!claimed.add(slug)) {
                throw new SlugRegistry.SlugTakenException(slug);
            }
        });
    }

    @Test
    void importCreatesTheListAsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new ImportList("list-1", "tools", MARKDOWN))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.equalTo(new ListImported("list-1", "tools", 1, 5, 5))),
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(ListContentImported.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()))
                .expectState(list -> {
                    assertThat(list.state().slug()).isEqualTo("tools");
                    assertThat(list.state().version()).isEqualTo(1);
                    assertThat(list.state().lastId()).isEqualTo(5);
                    assertThat(MarkdownWriter.write(list.state().document())).isEqualTo(MARKDOWN);
                });
        assertThat(claimed).containsExactly("tools");
    }

    @Test
    void aTakenSlugIsRefusedAndNothingIsApplied() {
        claimed.add("tools");

        fixture.givenNoPriorActivity()
                .when(new ImportList("list-2", "tools", MARKDOWN))
                .expectException(SlugRegistry.SlugTakenException.class)
                .expectNoEvents();
    }

    @Test
    void anImportTheContractRefusesClaimsNoSlug() {
        fixture.givenNoPriorActivity()
                .when(new ImportList("list-1", "tools", "# T\n- [a](https://a.io)\u0000\n"))
                .expectException(dev.curation.core.input.InputException.Invalid.class)
                .expectExceptionMessage("markdown: line 2, byte offset 23: NUL (U+0000) cannot be stored; remove it")
                .expectNoEvents();
        assertThat(claimed).isEmpty();
    }

    @Test
    void aBlockTooLargeForOneEventIsRefusedBeforeTheSlugIsClaimed() {
        AggregateTestFixture<CuratedList> small = new AggregateTestFixture<>(CuratedList.class);
        small.registerInjectableResource(new InputLimits(10, 1 << 20, 1 << 20, 16 * 1024));
        small.registerInjectableResource((SlugRegistry) (slug, listId) -> claimed.add(slug));
        small.givenNoPriorActivity()
                .when(new ImportList("list-1", "tools", "# T\n```\n" + "x\n".repeat(5000) + "```\n"))
                .expectException(dev.curation.core.input.InputException.TooLarge.class)
                .expectNoEvents();
        assertThat(claimed).isEmpty();
    }
}

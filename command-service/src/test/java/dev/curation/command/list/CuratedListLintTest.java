package dev.curation.command.list;

import static dev.curation.command.list.CuratedListFixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;

import dev.curation.core.edit.EditException;
import dev.curation.core.edit.EditSpec;
import dev.curation.core.input.InputException;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.LintRule;
import dev.curation.core.lint.Severity;
import dev.curation.core.list.ImportEvents;
import dev.curation.core.list.ImportList;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.core.list.ChangeAccepted;
import dev.curation.core.lint.LintProblem;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListEvent;
import dev.curation.core.list.ListRuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given-when-then for the lint profile and the gate that refuses a change adding an error. */
class CuratedListLintTest {

    private static final String LIST = "list-1";
    /** ids: s1 Tools, e2 Kafka, s3 Links, e4 Nacos, e5 ZooKeeper (an empty link: an error already there) */
    private static final String MARKDOWN = "# Tools\n- [Kafka](https://kafka.apache.org) - A log.\n## Links\n"
            + "- [Nacos](https://nacos.io) - A registry.\n- [ZooKeeper]() - Coordination.\n";

    private AggregateTestFixture<CuratedList> fixture;

    @BeforeEach
    void setUp() {
        fixture = CuratedListFixture.of((slug, id) -> {
        });
    }

    @Test
    void aCuratorSetsTheProfileAsAnEventWithoutANewVersion() {
        Map<String, String> expected = LintProfile.withChanges(Map.of("alphabetical", "error", "separator", "off"), true).toWire();
        fixture.given(imported())
                .when(new ListCommand.ChangeLintProfile(LIST, Map.of("alphabetical", "error", "separator", "off"), true),
                        actor("alice"))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(org.hamcrest.Matchers.equalTo(new LintProfileChanged(LIST, expected, true, "alice"))),
                        andNoMore()))
                .expectState(list -> {
                    assertThat(list.state().version()).isEqualTo(1);
                    assertThat(list.state().lintProfile().severity(LintRule.ALPHABETICAL)).isEqualTo(Severity.ERROR);
                    assertThat(list.state().lintProfile().checks(LintRule.SEPARATOR)).isFalse();
                    assertThat(list.state().lintProfile().sameUrlInSections()).isTrue();
                });
        assertThat(expected).containsEntry("double-link", "error").containsEntry("separator", "off")
                .hasSize(LintRule.values().length);
    }

    @Test
    void anUnknownRuleOrSeverityIsNamed() {
        fixture.given(imported())
                .when(new ListCommand.ChangeLintProfile(LIST, Map.of("no-such-rule", "error"), false), actor("alice"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is not a lint rule"));
        fixture.given(imported())
                .when(new ListCommand.ChangeLintProfile(LIST, Map.of("separator", "fatal"), false), actor("alice"))
                .expectException(InputException.Invalid.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("error, warning or off"));
    }

    @Test
    void aChangeThatAddsAnErrorIsRefusedNamingRuleAndItem() {
        // the alphabetical rule made an error: "Apache Pulsar" before "Nacos" is fine, "Zed" after is fine, "Beta" last is not
        fixture.given(with(imported(), profile(Map.of("alphabetical", "error"))))
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(addLink("s3", "Beta", "https://beta.example")), null),
                        actor("alice"))
                .expectException(ListRuleException.LintErrors.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("alphabetical"),
                        org.hamcrest.Matchers.containsString("'Beta'")))
                .expectNoEvents();
    }

    @Test
    void anErrorAlreadyThereDoesNotBlockOtherChangesAndWarningsNeverRefuse() {
        // e5 has an empty link (link-url, an error) since the import; a lower-case description
        // without punctuation is two warnings, which come back with the new version
        fixture.given(imported())
                .when(new ListCommand.ApplyChangeSet(LIST, null, null,
                        List.of(new EditSpec("addLink", "s3", null, null, null, null, "Consul", "https://consul.io",
                                "service mesh", null, null)), null), actor("alice"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(accepted(2, "description-capital", "description-punctuation"));
    }

    @Test
    void aProposalComesBackWithTheWarningsItWouldAdd() {
        fixture.given(imported())
                .when(new ListCommand.SubmitProposal(LIST, "p1", null, "a mesh", List.of(new EditSpec("addLink", "s3", null, null,
                        null, null, "Consul", "https://consul.io", "service mesh.", null, null))), actor("carol"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<List<?>>("one description-capital warning") {
                    @Override
                    protected boolean matchesSafely(List<?> warnings) {
                        return warnings.size() == 1 && warnings.getFirst() instanceof LintProblem p
                                && p.rule().equals("description-capital") && p.message().contains("'Consul'");
                    }
                });
        // a change that adds none has none: e4 renamed, its description as it was
        fixture.given(imported())
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(new EditSpec("editLink", null, "e4", null, null,
                        null, "Nacos 2", null, null, null, null)), null), actor("alice"))
                .expectResultMessagePayloadMatching(accepted(2));
    }

    private static org.hamcrest.Matcher<ChangeAccepted> accepted(long version, String... rules) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("version " + version + " with warnings " + List.of(rules)) {
            @Override
            protected boolean matchesSafely(ChangeAccepted accepted) {
                return accepted.version() == version
                        && accepted.warnings().stream().map(LintProblem::rule).toList().equals(List.of(rules));
            }
        };
    }

    @Test
    void aProposalThatAddsAnErrorIsRefusedWhenSubmitted() {
        fixture.given(with(imported(), profile(Map.of("alphabetical", "error"))))
                .when(new ListCommand.SubmitProposal(LIST, "p1", null, "late", List.of(addLink("s3", "Beta", "https://beta.example"))),
                        actor("carol"))
                .expectException(ListRuleException.LintErrors.class)
                .expectNoEvents();
    }

    @Test
    void theSameUrlInAnotherTopicOnlyWhenTheProfileAllowsIt() {
        EditSpec again = addLink("s1", "Nacos again", "https://nacos.io/");
        fixture.given(imported())
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(again), null), actor("alice"))
                .expectException(EditException.DuplicateUrl.class);
        // allowed across topics: the editor lets it in, and the double-link rule counts per topic too
        fixture.given(with(imported(), versioned(1, new LintProfileChanged(LIST, LintProfile.withChanges(Map.of(), true).toWire(),
                        true, "alice"))))
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(again), null), actor("alice"))
                .expectSuccessfulHandlerExecution();
        // but not twice in one topic
        fixture.given(with(imported(), versioned(1, new LintProfileChanged(LIST, LintProfile.withChanges(Map.of(), true).toWire(),
                        true, "alice"))))
                .when(new ListCommand.ApplyChangeSet(LIST, null, null, List.of(addLink("s3", "Nacos again", "https://nacos.io/")), null),
                        actor("alice"))
                .expectException(instanceOf(EditException.DuplicateUrl.class));
    }

    private static MetaData actor(String name) {
        return CuratedListFixture.actor(name);
    }

    private static EditSpec addLink(String section, String title, String url) {
        return new EditSpec("addLink", section, null, null, null, null, title, url, "Something.", null, null);
    }

    private List<Object> profile(Map<String, String> changes) {
        return versioned(1, new LintProfileChanged(LIST, LintProfile.withChanges(changes, false).toWire(), false, "alice"));
    }

    private List<Object> imported() {
        List<Object> events = new ArrayList<>();
        for (ListEvent e : ImportEvents.of(new ImportList(LIST, "tools", MARKDOWN))) {
            events.addAll(versioned(1, e));
        }
        return events;
    }

    private static List<Object> versioned(long version, ListEvent... events) {
        return CuratedListFixture.versioned(LIST, version, events);
    }
}

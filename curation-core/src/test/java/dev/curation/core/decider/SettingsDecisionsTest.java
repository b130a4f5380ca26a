package dev.curation.core.decider;

import static dev.curation.core.decider.Given.version;
import static dev.curation.core.decider.Lists.ALICE;
import static dev.curation.core.decider.Lists.BOB;
import static dev.curation.core.decider.Lists.CAROL;
import static dev.curation.core.decider.Lists.LIST;
import static dev.curation.core.decider.Lists.tools;
import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.core.input.InputException;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.LintRule;
import dev.curation.core.lint.Severity;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.ReviewPolicy;
import dev.curation.core.list.ReviewPolicyChanged;
import dev.curation.core.list.WebhookReEnabled;
import dev.curation.core.list.WebhookRemoved;
import dev.curation.core.list.WebhookSubscribed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given-when-then for the list's settings: lint profile, review policy and webhooks, each its curators' and no new version. */
class SettingsDecisionsTest {

    private static List<Given.Stored> subscribed(String webhook) {
        return version(1, "alice", new WebhookSubscribed(LIST, webhook, "https://hooks.example/" + webhook, List.of("version"),
                "fp", "alice"));
    }

    private static ListCommand.SubscribeWebhook subscribe(String webhook, String url, List<String> kinds) {
        return new ListCommand.SubscribeWebhook(LIST, webhook, url, kinds, "fp");
    }

    @Test
    void aCuratorSetsTheLintProfileWithoutANewVersion() {
        Given given = Given.list(tools());
        ListCommand.ChangeLintProfile command = new ListCommand.ChangeLintProfile(LIST,
                Map.of("alphabetical", "error", "separator", "off"), true);
        Map<String, String> wire = LintProfile.withChanges(Map.of("alphabetical", "error", "separator", "off"), true).toWire();

        Decision decision = given.when(command, BOB);

        assertThat(decision.events()).containsExactly(new LintProfileChanged(LIST, wire, true, "bob"));
        assertThat(decision.version()).isEqualTo(1);
        // every rule is named, those not changed at their defaults
        assertThat(wire).containsEntry("double-link", "error").containsEntry("separator", "off").hasSize(LintRule.values().length);
        LintProfile after = given.after(command, BOB).lintProfile();
        assertThat(after.severity(LintRule.ALPHABETICAL)).isEqualTo(Severity.ERROR);
        assertThat(after.checks(LintRule.SEPARATOR)).isFalse();
        assertThat(after.sameUrlInSections()).isTrue();
    }

    @Test
    void anUnknownLintRuleOrSeverityIsNamed() {
        Given given = Given.list(tools());
        given.refused(new ListCommand.ChangeLintProfile(LIST, Map.of("no-such-rule", "error"), false), ALICE)
                .isExactlyInstanceOf(InputException.Invalid.class)
                .hasMessageContaining("is not a lint rule");
        given.refused(new ListCommand.ChangeLintProfile(LIST, Map.of("separator", "fatal"), false), ALICE)
                .isExactlyInstanceOf(InputException.Invalid.class)
                .hasMessageContaining("error, warning or off");
        given.refused(new ListCommand.ChangeLintProfile(LIST, Map.of(), false), CAROL)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class);
    }

    @Test
    void aCuratorSetsAReviewPolicyOfOneToTenApprovals() {
        Given given = Given.list(tools());
        Decision decision = given.when(new ListCommand.ChangeReviewPolicy(LIST, 2, true, false), BOB);
        assertThat(decision.events()).containsExactly(new ReviewPolicyChanged(LIST, 2, true, false, "bob"));
        assertThat(decision.version()).isEqualTo(1);
        assertThat(given.after(new ListCommand.ChangeReviewPolicy(LIST, 2, true, false), BOB).reviewPolicy())
                .isEqualTo(new ReviewPolicy(2, true, false));
        assertThat(given.decided(new ListCommand.ChangeReviewPolicy(LIST, 10, false, true), BOB))
                .containsExactly(new ReviewPolicyChanged(LIST, 10, false, true, "bob"));
        given.refused(new ListCommand.ChangeReviewPolicy(LIST, 0, false, true), ALICE)
                .isExactlyInstanceOf(InputException.Invalid.class)
                .hasMessage("requiredApprovals: must be between 1 and 10, not 0");
        given.refused(new ListCommand.ChangeReviewPolicy(LIST, 11, false, true), ALICE)
                .isExactlyInstanceOf(InputException.Invalid.class);
        given.refused(new ListCommand.ChangeReviewPolicy(LIST, 1, false, true), CAROL)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class);
    }

    @Test
    void aCuratorSubscribesAUrlToKindsOfChanges() {
        Given given = Given.list(tools());
        assertThat(given.decided(subscribe("w1", " https://hooks.example/curation ", List.of("version", "proposal", "version")), ALICE))
                .containsExactly(new WebhookSubscribed(LIST, "w1", "https://hooks.example", List.of("proposal", "version"), "fp",
                        "alice"));
        // no kinds: every kind
        assertThat(given.decided(new ListCommand.SubscribeWebhook(LIST, "w1", "https://hooks.example/", null, "fp"), ALICE))
                .containsExactly(new WebhookSubscribed(LIST, "w1", "https://hooks.example", List.of("proposal", "settings", "version"),
                        "fp", "alice"));
        given.refused(subscribe("w1", "https://hooks.example/", List.of()), CAROL)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class);
    }

    @Test
    void theEventCarriesOnlyTheReceiversOrigin() {
        // for hook services the path is the credential; the command service keeps the full URL
        WebhookSubscribed event = (WebhookSubscribed) Given.list(tools())
                .decided(subscribe("w1", "https://Hooks.Slack.com:8443/services/T0/B0/SECRET?token=x#f", List.of("version")), ALICE)
                .getFirst();
        assertThat(event.url()).isEqualTo("https://hooks.slack.com:8443");
        assertThat(event.toString()).doesNotContain("SECRET").doesNotContain("token");
        assertThat(event.secretFingerprint()).isEqualTo("fp");
    }

    @Test
    void aTargetIsAnHttpUrlWithAHostAndNoCredentialsAndKindsAreKnown() {
        Given given = Given.list(tools());
        for (String url : List.of("ftp://hooks.example/", "https:///path", "https://user:pw@hooks.example/", "not a url", " ")) {
            given.refused(subscribe("w1", url, List.of()), ALICE)
                    .as(url)
                    .isExactlyInstanceOf(InputException.Invalid.class)
                    .hasMessageStartingWith("url: ");
        }
        given.refused(subscribe("w1", "https://hooks.example/", List.of("everything")), ALICE)
                .isExactlyInstanceOf(InputException.Invalid.class)
                .hasMessage("kinds: a webhook is for version, proposal or settings changes, not 'everything'");
    }

    @Test
    void aListHasAtMostTwentyWebhooks() {
        List<Given.Stored> twenty = new ArrayList<>(tools());
        for (int i = 0; i < 20; i++) {
            twenty.addAll(subscribed("w" + i));
        }
        Given.list(twenty).refused(subscribe("w20", "https://hooks.example/20", List.of()), ALICE)
                .isExactlyInstanceOf(InputException.Invalid.class)
                .hasMessage("url: a list has at most 20 webhooks; remove one first");
        // one removed makes room
        assertThat(Given.list(twenty, version(1, "alice", new WebhookRemoved(LIST, "w3", "alice")))
                .decided(subscribe("w20", "https://hooks.example/20", List.of()), ALICE)).hasSize(1);
    }

    @Test
    void onlyAWebhookTheListHasIsRemovedOrTurnedOnAgain() {
        Given given = Given.list(tools(), subscribed("w1"));
        assertThat(given.decided(new ListCommand.ReEnableWebhook(LIST, "w1"), BOB)).containsExactly(new WebhookReEnabled(LIST, "w1", "bob"));
        assertThat(given.decided(new ListCommand.RemoveWebhook(LIST, "w1"), BOB)).containsExactly(new WebhookRemoved(LIST, "w1", "bob"));
        given.refused(new ListCommand.RemoveWebhook(LIST, "w9"), BOB)
                .isExactlyInstanceOf(ListRuleException.NoSuchWebhook.class)
                .hasMessage("no webhook w9 on this list");
        given.refused(new ListCommand.ReEnableWebhook(LIST, "w9"), BOB)
                .isExactlyInstanceOf(ListRuleException.NoSuchWebhook.class);
        given.refused(new ListCommand.RemoveWebhook(LIST, "w1"), CAROL)
                .isExactlyInstanceOf(ListRuleException.Forbidden.class);
        Given removed = Given.list(tools(), subscribed("w1"), version(1, "alice", new WebhookRemoved(LIST, "w1", "alice")));
        removed.refused(new ListCommand.RemoveWebhook(LIST, "w1"), BOB)
                .isExactlyInstanceOf(ListRuleException.NoSuchWebhook.class);
        removed.refused(new ListCommand.ReEnableWebhook(LIST, "w1"), BOB)
                .isExactlyInstanceOf(ListRuleException.NoSuchWebhook.class);
    }
}

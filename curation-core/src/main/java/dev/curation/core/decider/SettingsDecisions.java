package dev.curation.core.decider;

import dev.curation.core.input.InputException;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.list.LintProfileChanged;
import dev.curation.core.list.ListCommand;
import dev.curation.core.list.ListRole;
import dev.curation.core.list.ListRuleException;
import dev.curation.core.list.ReviewPolicy;
import dev.curation.core.list.ReviewPolicyChanged;
import dev.curation.core.list.WebhookReEnabled;
import dev.curation.core.list.WebhookRemoved;
import dev.curation.core.list.WebhookSubscribed;
import dev.curation.core.list.Webhooks;
import java.util.List;

/** The list's settings, each its curators' to change: lint profile, review policy and webhooks. No new version. */
final class SettingsDecisions {

    private SettingsDecisions() {
    }

    /** Answers the whole profile set, every rule with its severity. */
    static Decision lintProfile(ListState state, ListCommand.ChangeLintProfile command, Actor curator) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "set the lint profile");
        LintProfile profile = LintProfile.withChanges(command.rules(), Boolean.TRUE.equals(command.sameUrlInSections()));
        return Decision.sameVersion(state, new LintProfileChanged(state.listId(), profile.toWire(), profile.sameUrlInSections(),
                curator.name())).answering(after -> profile);
    }

    /** Fields not given take their defaults; answers the policy set. */
    static Decision reviewPolicy(ListState state, ListCommand.ChangeReviewPolicy command, Actor curator) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "set the review policy");
        ReviewPolicy asked = ReviewPolicy.withDefaults(command.requiredApprovals(), command.authorCounts(), command.dismissOnAmend());
        ReviewPolicy policy = ReviewPolicy.of(asked.requiredApprovals(), asked.authorCounts(), asked.dismissOnAmend());
        return Decision.sameVersion(state, new ReviewPolicyChanged(state.listId(), policy.requiredApprovals(),
                policy.authorCounts(), policy.dismissOnAmend(), curator.name())).answering(after -> policy);
    }

    /**
     * At most {@link Webhooks#MAX_PER_LIST} subscriptions; the event keeps only the receiver's
     * origin, the answer ({@link Webhooks.Subscription}) the whole URL, for the service to keep privately.
     */
    static Decision subscribe(ListState state, ListCommand.SubscribeWebhook command, Actor curator) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "subscribe a webhook");
        String url = Webhooks.url(command.url());
        List<String> kinds = Webhooks.kinds(command.kinds());
        if (state.webhooks().size() >= Webhooks.MAX_PER_LIST) {
            throw new InputException.Invalid("url", "a list has at most " + Webhooks.MAX_PER_LIST + " webhooks; remove one first");
        }
        return Decision.sameVersion(state, new WebhookSubscribed(state.listId(), command.webhook(), url, kinds,
                command.secretFingerprint(), curator.name())).answering(after -> new Webhooks.Subscription(url, kinds));
    }

    static Decision removeWebhook(ListState state, ListCommand.RemoveWebhook command, Actor curator) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "remove a webhook");
        requireWebhook(state, command.webhook());
        return Decision.sameVersion(state, new WebhookRemoved(state.listId(), command.webhook(), curator.name()));
    }

    static Decision reEnableWebhook(ListState state, ListCommand.ReEnableWebhook command, Actor curator) {
        MembershipDecisions.require(state, curator, ListRole.CURATOR, "turn a webhook on");
        requireWebhook(state, command.webhook());
        return Decision.sameVersion(state, new WebhookReEnabled(state.listId(), command.webhook(), curator.name()));
    }

    private static void requireWebhook(ListState state, String webhook) {
        if (!state.webhooks().contains(webhook)) {
            throw new ListRuleException.NoSuchWebhook(webhook);
        }
    }
}

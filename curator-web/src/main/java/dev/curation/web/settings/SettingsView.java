package dev.curation.web.settings;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the settings page shows.
 *
 * @param webhooks        the list's webhooks, or null when the API refused them ({@code webhooksProblem} says why)
 * @param git             the list's git bridge, null when it has none or it could not be read ({@code gitProblem} says why)
 */
public record SettingsView(List<MemberRow> members, Policy policy, List<RuleRow> rules, boolean sameUrlInSections,
                           @Nullable List<Webhook> webhooks, @Nullable String webhooksProblem, @Nullable GitBridge git,
                           @Nullable String gitProblem) {

    /** The roles a member can have, most powerful first. */
    public static final List<String> ROLES = List.of("owner", "curator", "contributor");

    /** What a webhook can be told of (all when none is chosen). */
    public static final List<String> KINDS = List.of("version", "proposal", "settings");

    /** What a lint rule can be set to. */
    public static final List<String> SEVERITIES = List.of("error", "warning", "off");
}

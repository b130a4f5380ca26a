package dev.curation.web.settings;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads a list's settings from the two services for the settings page. */
@Component
class SettingsReader {

    private final CurationApi api;

    SettingsReader(CurationApi api) {
        this.api = api;
    }

    Members members(String slug) {
        return api.read("/api/lists/{slug}/members", Members.class, slug);
    }

    SettingsView read(String slug, Members members) {
        JsonNode profile = api.readJson("/api/lists/{slug}/lint-profile", slug);
        List<Webhook> webhooks = null;
        String problem = null;
        try {
            // the command service answers webhooks (curators and owners only), as the signed-in person
            Webhook[] found = api.write(HttpMethod.GET, "/api/lists/{slug}/webhooks", null, Webhook[].class, slug);
            webhooks = found == null ? List.of() : List.of(found);
        } catch (ApiRefusal refusal) {
            problem = refusal.detail();
        }
        GitBridge git = null;
        String gitProblem = null;
        try {
            // the command service answers the bridge (the list's curators), as the signed-in person
            git = api.write(HttpMethod.GET, "/api/lists/{slug}/git", null, GitBridge.class, slug);
        } catch (ApiRefusal refusal) {
            if (!refusal.notFound()) {
                gitProblem = refusal.detail();
            }
        }
        return new SettingsView(members.rows(), policy(slug), rules(profile),
                profile.path("sameUrlInSections").asBoolean(false), webhooks, problem, git, gitProblem);
    }

    List<Delivery> deliveries(String slug, String id) {
        Delivery[] found = api.write(HttpMethod.GET, "/api/lists/{slug}/webhooks/{id}/deliveries", null, Delivery[].class,
                slug, id);
        return found == null ? List.of() : List.of(found);
    }

    /** The review policy in force (the defaults until a curator sets one); the defaults, marked unknown, if unreadable. */
    private Policy policy(String slug) {
        try {
            JsonNode policy = api.readJson("/api/lists/{slug}/review-policy", slug);
            return new Policy(policy.path("requiredApprovals").asInt(1), policy.path("authorCounts").asBoolean(false),
                    policy.path("dismissOnAmend").asBoolean(true), true);
        } catch (ApiRefusal unknown) {
            return Policy.defaults();
        }
    }

    /**
     * Every rule of the catalogue, in its order, with its severity on the list (the API names every
     * rule, off included), then any rule the profile names that the catalogue does not.
     */
    static List<RuleRow> rules(JsonNode profile) {
        Map<String, String> severities = new LinkedHashMap<>();
        profile.path("rules").properties().forEach(rule -> severities.put(rule.getKey(), rule.getValue().asString("off")));
        List<RuleRow> rows = new ArrayList<>();
        for (JsonNode rule : profile.path("catalogue")) {
            String id = rule.path("id").asString("");
            if (!id.isEmpty()) {
                String standard = rule.path("defaultSeverity").asString("off");
                String severity = severities.remove(id);
                rows.add(new RuleRow(id, severity == null ? standard : severity, rule.path("description").asString(""),
                        standard));
            }
        }
        severities.forEach((id, severity) -> rows.add(new RuleRow(id, severity, "", "")));
        return rows;
    }
}

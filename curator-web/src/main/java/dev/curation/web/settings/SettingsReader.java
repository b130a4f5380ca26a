package dev.curation.web.settings;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        JsonNode profile = api.readJson("/api/lists/{slug}/lint", slug).path("profile");
        List<Webhook> webhooks = null;
        String problem = null;
        try {
            // the command service answers webhooks (curators and owners only), as the signed-in person
            Webhook[] found = api.write(HttpMethod.GET, "/api/lists/{slug}/webhooks", null, Webhook[].class, slug);
            webhooks = found == null ? List.of() : List.of(found);
        } catch (ApiRefusal refusal) {
            problem = refusal.detail();
        }
        return new SettingsView(members.rows(), policy(slug), rules(profile.path("rules")),
                profile.path("sameUrlInSections").asBoolean(false), webhooks, problem);
    }

    List<Delivery> deliveries(String slug, String id) {
        Delivery[] found = api.write(HttpMethod.GET, "/api/lists/{slug}/webhooks/{id}/deliveries", null, Delivery[].class,
                slug, id);
        return found == null ? List.of() : List.of(found);
    }

    /**
     * The review policy: the API has no read of it, but every proposal's page carries the list's
     * policy, so the newest proposal tells it; a list without proposals shows the defaults.
     */
    private Policy policy(String slug) {
        try {
            JsonNode newest = api.readJson("/api/lists/{slug}/proposals?limit=1", slug).path("items").path(0);
            String id = newest.path("id").asString("");
            if (id.isEmpty()) {
                return Policy.defaults();
            }
            JsonNode review = api.readJson("/api/lists/{slug}/proposals/{id}", slug, id).path("review");
            if (!review.has("requiredApprovals")) {
                return Policy.defaults();
            }
            return new Policy(review.path("requiredApprovals").asInt(1), review.path("authorCounts").asBoolean(false),
                    review.path("dismissOnAmend").asBoolean(true), true);
        } catch (ApiRefusal unknown) {
            return Policy.defaults();
        }
    }

    /**
     * The rules the API's lint knows (a rule the profile leaves out is off: the API lists only the
     * rules that are on, and has no catalogue of rules), then any the API names that are newer.
     */
    static final List<String> KNOWN_RULES = List.of("link-text", "link-url", "unsafe-link", "double-link", "separator",
            "description-capital", "description-punctuation", "description-repeats-title", "main-heading",
            "heading-punctuation", "duplicate-heading", "empty-section", "table-of-contents", "alphabetical", "bullet-marker");

    private static List<RuleRow> rules(JsonNode given) {
        Map<String, String> severities = new TreeMap<>();
        given.properties().forEach(rule -> severities.put(rule.getKey(), rule.getValue().asString("off")));
        List<RuleRow> rows = new ArrayList<>();
        for (String rule : KNOWN_RULES) {
            rows.add(new RuleRow(rule, severities.getOrDefault(rule, "off")));
        }
        severities.forEach((id, severity) -> {
            if (!KNOWN_RULES.contains(id)) {
                rows.add(new RuleRow(id, severity));
            }
        });
        return rows;
    }
}

package dev.curation.web.history;

import dev.curation.web.api.ApiRefusal;
import dev.curation.web.api.CurationApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks a revert with the command service, as the signed-in person, storing nothing; the topics
 * the answer names by id are shown by title (the list's current structure, else the titles the
 * answer itself carries for topics it adds or removes).
 */
@Component
class RevertChecks {

    private final CurationApi api;

    RevertChecks(CurationApi api) {
        this.api = api;
    }

    /** The check, or null when the command service has no such check (an older one) or is away. */
    @Nullable RevertCheck check(String slug, RevertRange range) {
        JsonNode answer;
        try {
            answer = api.write(HttpMethod.POST, "/api/lists/{slug}/reverts/checks", range.body(), JsonNode.class, slug);
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 404 || refusal.status() == 405 || refusal.status() >= 500) {
                return null;
            }
            // signed out, no role on the list, a body it will not take: the refusal the revert would get too
            return new RevertCheck(refusal.detail(), null, List.of(), List.of(), List.of());
        }
        if (answer == null) {
            return null;
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (JsonNode problem : answer.path("problems")) {
            String message = problem.path("message").asString("");
            ("error".equals(problem.path("severity").asString("error")) ? errors : warnings).add(message);
        }
        if (!answer.path("acceptable").asBoolean(false)) {
            return new RevertCheck(errors.isEmpty() ? "" : String.join(" ", errors), null, List.of(), List.of(), List.of());
        }
        Map<String, String> topics = topics(slug, answer.path("sections"));
        List<ChangeRow> entries = new ArrayList<>();
        for (JsonNode change : answer.path("entries")) {
            JsonNode before = change.path("before");
            JsonNode after = change.path("after");
            String title = text(after.isObject() ? after : before, "title");
            entries.add(new ChangeRow(text(change, "change"), text(change, "id"), title,
                    topic(topics, text(before, "section")), topic(topics, text(after, "section")),
                    differing(before, after, "title", "url", "description")));
        }
        List<ChangeRow> sections = new ArrayList<>();
        for (JsonNode change : answer.path("sections")) {
            JsonNode before = change.path("before");
            JsonNode after = change.path("after");
            sections.add(new ChangeRow(text(change, "change"), text(change, "id"), text(before.isObject() ? before : after, "title"),
                    topic(topics, text(before, "parent")), topic(topics, text(after, "parent")),
                    differing(before, after, "title", "level")));
        }
        return new RevertCheck(null, answer.path("as").asString("revert"), warnings, entries, sections);
    }

    /** Topic titles by id: the list's as it is now, and those the answer's topic changes name. */
    private Map<String, String> topics(String slug, JsonNode sectionChanges) {
        Map<String, String> titles = new HashMap<>();
        for (JsonNode change : sectionChanges) {
            String title = text(change.path("after").isObject() ? change.path("after") : change.path("before"), "title");
            titles.put(text(change, "id"), title);
        }
        try {
            collect(api.readJson("/api/lists/{slug}", slug).path("sections"), titles);
        } catch (ApiRefusal away) {
            // the ids then
        }
        return titles;
    }

    private static void collect(JsonNode sections, Map<String, String> titles) {
        for (JsonNode section : sections) {
            titles.putIfAbsent(text(section, "id"), text(section, "title"));
            collect(section.path("sections"), titles);
        }
    }

    private static @Nullable String topic(Map<String, String> titles, String id) {
        if (id.isEmpty()) {
            return null;
        }
        String title = titles.get(id);
        return title == null || title.isBlank() ? id : title;
    }

    private static List<String> differing(JsonNode before, JsonNode after, String... fields) {
        List<String> changed = new ArrayList<>();
        if (before.isObject() && after.isObject()) {
            for (String field : fields) {
                if (!before.path(field).equals(after.path(field))) {
                    changed.add(field);
                }
            }
        }
        return changed;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}

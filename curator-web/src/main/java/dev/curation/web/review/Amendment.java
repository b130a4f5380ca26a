package dev.curation.web.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The body of an author's next revision: the proposal's edits with one of them as the amend form says. */
final class Amendment {

    private Amendment() {
    }

    /**
     * @throws IllegalArgumentException with a message key, when the form does not name an edit that may be
     *                                  amended or leaves a required field empty
     */
    static Map<String, Object> body(JsonNode proposal, int index, String section, String title, String url,
                                    String description, String rationale) {
        JsonNode edits = proposal.path("edits");
        if (index < 0 || index >= edits.size()) {
            throw new IllegalArgumentException("review.amend.noEdit");
        }
        List<Object> changed = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            changed.add(i == index ? edit(edits.get(i), section.strip(), title.strip(), url.strip(), description.strip()) : edits.get(i));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        JsonNode base = proposal.path("baseVersion");
        if (base.isNumber()) {
            body.put("baseVersion", base.asLong());
        }
        String why = rationale.isBlank() ? Json.text(proposal, "rationale", "") : rationale.strip();
        if (!why.isEmpty()) {
            body.put("rationale", why);
        }
        body.put("edits", changed);
        return body;
    }

    private static Map<String, Object> edit(JsonNode edit, String section, String title, String url, String description) {
        String op = Json.text(edit, "op", "");
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("op", op);
        if (op.equals("addLink")) {
            if (title.isEmpty() || url.isEmpty() || section.isEmpty()) {
                throw new IllegalArgumentException("review.amend.required");
            }
            changed.put("section", section);
            if (edit.path("position").isNumber()) {
                changed.put("position", edit.path("position").asInt());
            }
        } else if (op.equals("editLink")) {
            if (title.isEmpty() && url.isEmpty() && description.isEmpty()) {
                throw new IllegalArgumentException("review.amend.required");
            }
            changed.put("entry", Json.text(edit, "entry", ""));
        } else {
            throw new IllegalArgumentException("review.amend.noEdit");
        }
        put(changed, "title", title);
        put(changed, "url", url);
        put(changed, "description", description);
        return changed;
    }

    private static void put(Map<String, Object> edit, String field, String value) {
        if (!value.isEmpty()) {
            edit.put(field, value);
        }
    }
}

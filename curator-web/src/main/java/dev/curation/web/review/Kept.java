package dev.curation.web.review;

import java.util.Map;

/** What the person typed into the form that was refused, so the page shows it again. */
public record Kept(String action, Map<String, String> fields) {

    static final Kept NOTHING = new Kept("", Map.of());

    /** The value typed into {@code field} of {@code form}, or empty when that form was not the one sent. */
    public String value(String form, String field) {
        return action.equals(form) ? fields.getOrDefault(field, "") : "";
    }

    public boolean was(String form) {
        return action.equals(form);
    }
}

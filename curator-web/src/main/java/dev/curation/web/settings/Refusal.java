package dev.curation.web.settings;

/**
 * A form's refusal: which form (members, policy, lint, webhooks, git) and the API's words, shown
 * next to that form; {@code member}, {@code role} and {@code url} keep what was typed.
 */
public record Refusal(String form, String message, String member, String role, String url) {

    public boolean on(String name) {
        return form.equals(name);
    }
}

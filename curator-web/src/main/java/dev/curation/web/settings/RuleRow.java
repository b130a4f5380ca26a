package dev.curation.web.settings;

/**
 * A lint rule and its severity on the list (error, warning or off), with what it asks for and its
 * severity in the default profile, as the API's catalogue says ({@code GET .../lint-profile}).
 */
public record RuleRow(String id, String severity, String description, String defaultSeverity) {
}

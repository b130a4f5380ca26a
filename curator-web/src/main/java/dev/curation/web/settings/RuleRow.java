package dev.curation.web.settings;

/** A lint rule and its severity on the list: error, warning or off; its words come from the messages. */
public record RuleRow(String id, String severity) {
}

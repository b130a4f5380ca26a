package dev.curation.core.list;

/** A curator turned a subscription disabled after repeated failures on again. No version. */
@EventRevision("1")
public record WebhookReEnabled(String listId, String webhook, String by) implements ListEvent {
}

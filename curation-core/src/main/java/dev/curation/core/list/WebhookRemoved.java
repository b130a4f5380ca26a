package dev.curation.core.list;

/** A curator removed a webhook subscription; nothing more is delivered to it. No version. */
@EventRevision("1")
public record WebhookRemoved(String listId, String webhook, String by) implements ListEvent {
}

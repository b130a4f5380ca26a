package dev.curation.core.list;

import java.util.List;

/**
 * A curator subscribed {@code url} to the list's changes of {@code kinds} ({@code version},
 * {@code proposal}, {@code settings}). The secret deliveries are signed with is not here (events
 * are read by everyone who reads the topic): only its SHA-256 fingerprint. No version.
 */
@EventRevision("1")
public record WebhookSubscribed(String listId, String webhook, String url, List<String> kinds, String secretFingerprint,
                                String by) implements ListEvent {

    public WebhookSubscribed {
        kinds = List.copyOf(kinds);
    }
}

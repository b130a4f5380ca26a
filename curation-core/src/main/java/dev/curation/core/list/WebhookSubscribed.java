package dev.curation.core.list;

import java.util.List;

/**
 * A curator subscribed a receiver to the list's changes of {@code kinds} ({@code version},
 * {@code proposal}, {@code settings}). Events are read by everyone who reads the topic, the change
 * streams and the history, so neither the secret deliveries are signed with (only its SHA-256
 * fingerprint) nor the receiver's full URL is here: for Slack, Discord or Teams hooks the URL is
 * the credential. {@code url} is the receiver's origin (scheme, host and port,
 * {@link Webhooks#origin}); the full URL stays with the command service. The constructor reduces
 * any URL to its origin, so that an event of revision 1, stored with the whole URL, is read (and
 * published again) without it. No version.
 */
@EventRevision("2")
public record WebhookSubscribed(String listId, String webhook, String url, List<String> kinds, String secretFingerprint,
                                String by) implements ListEvent {

    public WebhookSubscribed {
        url = Webhooks.origin(url);
        kinds = List.copyOf(kinds);
    }
}

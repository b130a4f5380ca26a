package dev.curation.web.settings;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One delivery of a webhook, newest first ({@code GET .../webhooks/{id}/deliveries}). */
public record Delivery(long sequence, @Nullable String kind, @Nullable String state, int attempts,
                       @Nullable Integer lastStatus, @Nullable Long lastMillis, @Nullable String lastError,
                       @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt) {
}

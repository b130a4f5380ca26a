package dev.curation.web.settings;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A webhook of the list ({@code GET /api/lists/{slug}/webhooks}): never its secret, which the API shows once. */
public record Webhook(String id, String url, @Nullable List<String> kinds, @Nullable String state, int failures,
                      @Nullable Instant createdAt) {

    public boolean disabled() {
        return "disabled".equals(state);
    }

    public String kindList() {
        return kinds == null || kinds.isEmpty() ? "" : String.join(", ", kinds);
    }
}

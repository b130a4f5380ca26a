package dev.curation.query.links;

import dev.curation.links.LinkCheck;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One check of a URL as it travels on the link-checks topic (keyed by the URL's hash, so the
 * checks of one URL stay in order): what {@link LinkCheck} found, when, and the archived copy looked
 * up when this check may make the link dead. {@code id} makes a redelivered record harmless.
 */
public record LinkCheckRecord(UUID id, String url, String urlHash, Instant checkedAt, LinkCheck.Outcome outcome,
                              @Nullable Integer status, @Nullable String finalUrl, List<LinkCheck.Hop> redirects,
                              int attempts, long elapsedMillis, @Nullable String error, @Nullable String archivedUrl,
                              boolean moved) {

    public LinkCheckRecord {
        redirects = redirects == null ? List.of() : List.copyOf(redirects);
    }

    static LinkCheckRecord of(LinkCheck check, String urlHash, Instant checkedAt, @Nullable String archivedUrl) {
        return new LinkCheckRecord(UUID.randomUUID(), check.url(), urlHash, checkedAt, check.outcome(), check.status(),
                check.finalUrl(), check.redirects(), check.attempts(), check.elapsedMillis(), check.error(), archivedUrl,
                check.movedPermanently());
    }
}

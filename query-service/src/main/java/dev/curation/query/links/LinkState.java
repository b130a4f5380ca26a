package dev.curation.query.links;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The health of one URL and how a check changes it. A failed check makes a link
 * {@code failing}; it is {@code dead} only after {@code deadAfterFailures} failures in a row
 * spanning at least {@code deadAfter} (sites go down and come back); any success makes it
 * {@code ok} or {@code redirected} again. Failing links are checked again sooner, backing off.
 */
record LinkState(Status status, int failures, @Nullable Instant firstFailureAt, @Nullable Instant deadSince,
                 @Nullable String archivedUrl, boolean moved, @Nullable String finalUrl) {

    enum Status {
        UNCHECKED, OK, REDIRECTED, FAILING, DEAD, REFUSED, EXCLUDED;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status ofWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    static final LinkState UNCHECKED = new LinkState(Status.UNCHECKED, 0, null, null, null, false, null);

    /** The state after {@code check}. */
    LinkState after(LinkCheckRecord check, int deadAfterFailures, Duration deadAfter) {
        return switch (check.outcome()) {
            case OK -> new LinkState(Status.OK, 0, null, null, null, false, check.finalUrl());
            case REDIRECTED -> new LinkState(Status.REDIRECTED, 0, null, null, null, check.moved(), check.finalUrl());
            case REFUSED -> new LinkState(Status.REFUSED, 0, null, null, null, false, null);
            case EXCLUDED -> new LinkState(Status.EXCLUDED, 0, null, null, null, false, null);
            case FAILED -> {
                int failed = failures + 1;
                Instant first = firstFailureAt == null ? check.checkedAt() : firstFailureAt;
                boolean dead = failed >= deadAfterFailures && !Duration.between(first, check.checkedAt()).minus(deadAfter).isNegative();
                Instant since = dead ? (deadSince == null ? check.checkedAt() : deadSince) : null;
                String archived = check.archivedUrl() != null ? check.archivedUrl() : archivedUrl;
                yield new LinkState(dead ? Status.DEAD : Status.FAILING, failed, first, since, archived, false, null);
            }
        };
    }

    /** Whether the next failure would make this link dead, so the checker looks up an archived copy first. */
    boolean nextFailureMayKill(Instant now, int deadAfterFailures, Duration deadAfter) {
        Instant first = firstFailureAt == null ? now : firstFailureAt;
        return failures + 1 >= deadAfterFailures && !Duration.between(first, now).minus(deadAfter).isNegative();
    }

    /** When to check again: failing links sooner, backing off from {@code retryAfter} to {@code recheckAfter}. */
    Instant nextCheck(Instant checkedAt, Duration recheckAfter, Duration retryAfter) {
        if (status == Status.FAILING) {
            Duration wait = retryAfter.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
            return checkedAt.plus(wait.compareTo(recheckAfter) > 0 ? recheckAfter : wait);
        }
        return checkedAt.plus(recheckAfter);
    }
}

package dev.curation.links;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How links are checked, lychee's knobs: a deadline per request (the whole exchange: connect,
 * headers and the first bytes of the body), retries with exponential backoff
 * for what may pass (timeouts, refused connections, 408, 429 and 5xx), redirects followed up to a
 * limit, at most {@code hostConcurrency} requests at a time to one host and {@code hostInterval}
 * between their starts, the status codes that count as alive, the user agent, URL patterns never
 * checked, and whether private, loopback and link-local addresses may be reached.
 */
public record LinkCheckSettings(Duration timeout, int retries, Duration retryBackoff, int maxRedirects,
                                int hostConcurrency, Duration hostInterval, StatusCodes accepted, String userAgent,
                                List<Pattern> excludes, boolean allowPrivate) {

    public static final String USER_AGENT = "curation-link-checker/0.1 (+https://github.com/curation; lychee-like)";

    public LinkCheckSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        if (retries < 0 || maxRedirects < 0 || hostConcurrency < 1 || hostInterval.isNegative() || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("retries and max redirects are at least 0, host concurrency at least 1,"
                    + " intervals not negative");
        }
        excludes = List.copyOf(excludes);
    }

    public static LinkCheckSettings defaults() {
        return new LinkCheckSettings(Duration.ofSeconds(10), 2, Duration.ofSeconds(1), 5, 2, Duration.ofMillis(200),
                StatusCodes.parse("200-299"), USER_AGENT, List.of(), false);
    }

    public LinkCheckSettings withAllowPrivate(boolean allow) {
        return new LinkCheckSettings(timeout, retries, retryBackoff, maxRedirects, hostConcurrency, hostInterval, accepted,
                userAgent, excludes, allow);
    }

    public boolean excluded(String url) {
        return excludes.stream().anyMatch(p -> p.matcher(url).find());
    }
}

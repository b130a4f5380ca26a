package dev.curation.query.links;

import dev.curation.links.LinkCheckSettings;
import dev.curation.links.StatusCodes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code curation.links.*}: whether links are checked, how (lychee's knobs), how often, when a
 * link counts as dead (after {@code deadAfterFailures} failed checks spanning at least
 * {@code deadAfter}: sites go down and come back), the archive asked for copies, and the bot
 * account that proposes fixes.
 *
 * @param enabled           whether this replica checks links
 * @param topic             where check results go (created with 3 partitions if missing)
 * @param pollInterval      how often new URLs are taken and due ones claimed
 * @param concurrency       checks at a time on this replica
 * @param recheckAfter      the result cache's age: a link is checked again after it
 * @param retryAfter        a failing link is checked again after it, doubling per failure up to {@code recheckAfter}
 * @param deadAfter         the least time the failures of a dead link span
 * @param deadAfterFailures failures in a row after which a link is dead (if they span {@code deadAfter})
 * @param claim             how long a replica holds the URLs it claimed before another may take them
 * @param timeout           the deadline of one request, all of it (connect, TLS, headers, the body's first 4 KB)
 * @param retries           tries again after a timeout, a refused connection, 408, 429 or 5xx
 * @param retryBackoff      the pause before such a try
 * @param maxRedirects      redirects followed (and recorded) before a link fails
 * @param hostConcurrency   requests at a time to one server (resolved address)
 * @param hostInterval      time between the starts of requests to one server
 * @param acceptedStatus    codes that count as alive, e.g. {@code 200-299,403}
 * @param userAgent         sent with every request
 * @param exclude           regular expressions; matching URLs are excluded, never requested
 * @param allowPrivate      allow loopback, private and link-local addresses (refused by default, at every redirect)
 * @param proposeMoves      propose a URL update for a link moved for good (301/308)
 * @param archive           the archive asked for copies of dead pages
 * @param bot               the account fixes are proposed as
 */
@ConfigurationProperties("curation.links")
public record LinkHealthProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("curation.link-checks") String topic,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("32") int concurrency,
        @DefaultValue("1d") Duration recheckAfter,
        @DefaultValue("15m") Duration retryAfter,
        @DefaultValue("3") int deadAfterFailures,
        @DefaultValue("1d") Duration deadAfter,
        @DefaultValue("5m") Duration claim,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("2") int retries,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("2") int hostConcurrency,
        @DefaultValue("200ms") Duration hostInterval,
        @DefaultValue("200-299") String acceptedStatus,
        @DefaultValue(LinkCheckSettings.USER_AGENT) String userAgent,
        @DefaultValue List<String> exclude,
        @DefaultValue("false") boolean allowPrivate,
        @DefaultValue("true") boolean proposeMoves,
        @DefaultValue Archive archive,
        @DefaultValue Bot bot) {

    public LinkHealthProperties {
        if (deadAfterFailures < 1 || concurrency < 1) {
            throw new IllegalArgumentException("curation.links: dead-after-failures and concurrency must be at least 1");
        }
        exclude = List.copyOf(exclude);
    }

    /**
     * The Wayback availability API (or a mirror of it) asked for an archived copy of a dead page.
     *
     * @param enabled whether dead pages are looked up in the archive
     * @param baseUrl where the archive answers
     * @param timeout how long it may take to answer
     */
    public record Archive(@DefaultValue("true") boolean enabled, @DefaultValue("https://archive.org") URI baseUrl,
                          @DefaultValue("10s") Duration timeout) {
    }

    /**
     * The account the bot proposes fixes as, on the command service at {@code commandUrl}; no
     * password, no proposals (the fixes wait in {@code link_proposal}). With {@code tokenUri} (the
     * OIDC issuer's token endpoint) the bot signs in with a bearer token it gets by the client
     * credentials grant, its name and password being the client's id and secret; without it, with
     * HTTP Basic, which only the local stack accepts.
     *
     * @param commandUrl where the command service answers
     * @param name       the bot's account (its client id with {@code tokenUri})
     * @param password   its password (client secret); empty: no proposals
     * @param tokenUri   the issuer's token endpoint; none: HTTP Basic
     */
    public record Bot(@DefaultValue("http://127.0.0.1:8081") URI commandUrl, @DefaultValue("link-bot") String name,
                      @DefaultValue("") String password, @Nullable URI tokenUri) {

        public boolean configured() {
            return !password.isEmpty();
        }

        @Override
        public String toString() {
            return "Bot[commandUrl=" + commandUrl + ", name=" + name + ", password=" + (password.isEmpty() ? "" : "***")
                    + ", tokenUri=" + tokenUri + "]";
        }
    }

    LinkCheckSettings checkSettings() {
        return new LinkCheckSettings(timeout, retries, retryBackoff, maxRedirects, hostConcurrency, hostInterval,
                StatusCodes.parse(acceptedStatus), userAgent, exclude.stream().map(Pattern::compile).toList(), allowPrivate);
    }
}

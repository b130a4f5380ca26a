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

    /** The Wayback availability API (or a mirror of it) asked for an archived copy of a dead page. */
    public record Archive(@DefaultValue("true") boolean enabled, @DefaultValue("https://archive.org") URI baseUrl,
                          @DefaultValue("10s") Duration timeout) {
    }

    /**
     * The account the bot proposes fixes as, on the command service at {@code commandUrl}; no
     * password, no proposals (the fixes wait in {@code link_proposal}). With {@code tokenUri} (the
     * OIDC issuer's token endpoint) the bot signs in with a bearer token it gets by the client
     * credentials grant, its name and password being the client's id and secret; without it, with
     * HTTP Basic, which only the local stack accepts.
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

package dev.curation.links;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one check of a URL found: the outcome, the last status code, where the redirects led (each
 * hop with its status), how many attempts it took, how long, and what went wrong.
 */
public record LinkCheck(String url, Outcome outcome, @Nullable Integer status, @Nullable String finalUrl,
                        List<Hop> redirects, int attempts, long elapsedMillis, @Nullable String error) {

    public LinkCheck {
        redirects = List.copyOf(redirects);
    }

    public enum Outcome {
        /** An accepted status without a redirect. */
        OK,
        /** An accepted status at the end of one or more redirects. */
        REDIRECTED,
        /** No accepted status after every attempt: a status, a timeout, an unreachable host, a redirect loop. */
        FAILED,
        /** Not checked, on purpose: the address is private, loopback or link-local, or the scheme is not http(s). */
        REFUSED,
        /** Not checked: the URL matches an exclusion. */
        EXCLUDED
    }

    /** A redirect: its status and the URL it led to. */
    public record Hop(int status, String location) {
    }

    /** Whether every redirect was permanent (301 or 308): the page moved for good and its URL can be updated. */
    public boolean movedPermanently() {
        return outcome == Outcome.REDIRECTED && redirects.stream().allMatch(h -> h.status() == 301 || h.status() == 308);
    }

    static LinkCheck unchecked(String url, Outcome outcome, String why) {
        return new LinkCheck(url, outcome, null, null, List.of(), 0, 0, why);
    }
}

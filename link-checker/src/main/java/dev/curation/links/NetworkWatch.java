package dev.curation.links;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells the checker's own network being down from sites being down. When nearly every recent
 * check got no answer at all (no status: a timeout, a refused connection, an unknown host) from
 * many different hosts, the fault is on this side, and those failures say nothing about the
 * links: a machine that lost its uplink must not declare every link dead and propose removing it.
 * One dead site, however many links point to it, is one host and never looks like an outage.
 */
public final class NetworkWatch {

    private final int window;
    private final int minHosts;
    private final double ratio;
    private final Deque<Sample> recent = new ArrayDeque<>();

    private record Sample(String host, boolean unanswered) {
    }

    /** Over the last {@code window} checks: down when at least {@code ratio} went unanswered, from {@code minHosts} hosts or more. */
    public NetworkWatch(int window, int minHosts, double ratio) {
        this.window = window;
        this.minHosts = minHosts;
        this.ratio = ratio;
    }

    public static NetworkWatch defaults() {
        return new NetworkWatch(50, 10, 0.9);
    }

    /** Records a check that made requests (excluded and refused ones made none). */
    public synchronized void record(LinkCheck check) {
        if (check.outcome() == LinkCheck.Outcome.EXCLUDED || check.outcome() == LinkCheck.Outcome.REFUSED) {
            return;
        }
        recent.addLast(new Sample(host(check.url()), check.outcome() == LinkCheck.Outcome.FAILED && check.status() == null));
        while (recent.size() > window) {
            recent.removeFirst();
        }
    }

    /** Whether the recent checks look like this side's network being down. */
    public synchronized boolean looksDown() {
        if (recent.size() < Math.min(window, minHosts * 2)) {
            return false;
        }
        Set<String> hosts = new HashSet<>();
        long unanswered = 0;
        for (Sample sample : recent) {
            if (sample.unanswered()) {
                unanswered++;
                hosts.add(sample.host());
            }
        }
        return hosts.size() >= minHosts && unanswered >= ratio * recent.size();
    }

    private static String host(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null ? url : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}

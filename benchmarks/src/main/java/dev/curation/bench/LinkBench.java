package dev.curation.bench;

import dev.curation.core.document.IdSequence;
import dev.curation.core.document.ListDocument;
import dev.curation.core.document.MarkdownReader;
import dev.curation.core.lint.LintProfile;
import dev.curation.core.lint.ListLinter;
import dev.curation.embedded.ScriptedSite;
import dev.curation.links.LinkCheck;
import dev.curation.links.LinkCheckSettings;
import dev.curation.links.LinkProbe;
import dev.curation.links.StatusCodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * In-process rows for lint and link health: the linter over a 10k-entry list (warm), against
 * reading the same Markdown; and link checks per second against 50 local hosts (127.0.0.1 to
 * 127.0.0.50) with the per-host limits on, against plain HTTP requests to the same servers.
 */
final class LinkBench {

    static final int HOSTS = 50;
    static final int HOST_CONCURRENCY = 2;
    static final Duration HOST_INTERVAL = Duration.ofMillis(20);

    private LinkBench() {
    }

    static String tenThousandEntries() {
        StringBuilder md = new StringBuilder("# Big list\n\n");
        for (int s = 0; s < 100; s++) {
            md.append("## Topic ").append(s).append("\n\n");
            for (int e = 0; e < 100; e++) {
                md.append("- [Entry ").append(s).append('.').append(e).append("](https://example.com/big/").append(s)
                        .append('/').append(e).append(") - a description of entry ").append(e).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** Median milliseconds of linting (all rules, alphabetical on) and of reading the list, both warm. */
    static List<Measure> lint(int runs) {
        String markdown = tenThousandEntries();
        ListDocument document = MarkdownReader.read(markdown, new IdSequence(0));
        LintProfile profile = LintProfile.withChanges(Map.of("alphabetical", "warning"), false);
        int problems = 0;
        for (int i = 0; i < runs; i++) {
            problems = ListLinter.lint(document, profile).size();
            MarkdownReader.read(markdown, new IdSequence(0));
        }
        List<Double> lint = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            ListLinter.lint(document, profile);
            lint.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            MarkdownReader.read(markdown, new IdSequence(0));
            read.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(lint);
        Collections.sort(read);
        double readMs = LoadDriver.percentile(read, 50);
        return List.of(
                new Measure("read a 10k-entry list (MarkdownReader), warm, median", readMs, "ms", Double.NaN, null, 0,
                        true, false, runs + " runs after " + runs + " to warm up; the baseline of the next row"),
                new Measure("lint a 10k-entry list, warm, median", LoadDriver.percentile(lint, 50), "ms", readMs,
                        "reading the same list", 50, false, false, "all 15 rules (alphabetical on), " + problems
                        + " problems; " + runs + " runs after " + runs + " to warm up"));
    }

    /** Checks of {@code perHost} URLs on each of 50 hosts with the per-host limits, and plain GETs of the same. */
    static List<Measure> linkChecks(int perHost) throws Exception {
        List<ScriptedSite> sites = new ArrayList<>();
        try {
            List<String> urls = new ArrayList<>();
            for (int h = 1; h <= HOSTS; h++) {
                ScriptedSite site = ScriptedSite.start("127.0.0." + h);
                site.script("/page", ScriptedSite.Reply.status(200));
                sites.add(site);
                for (int i = 0; i < perHost; i++) {
                    urls.add(site.url("/page") + "?n=" + i);
                }
            }
            Collections.shuffle(urls, new Random(7));
            // the plain baseline first: 256 at a time, no limits, one GET each; a first pass warms up
            // the client, the servers and the JIT, the second is measured
            HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Check get = url -> plain.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            rate(urls, 256, get);
            double baseline = rate(urls, 256, get);
            sites.forEach(ScriptedSite::close);
            sites.clear();
            List<String> checked = new ArrayList<>();
            for (int h = 1; h <= HOSTS; h++) {
                ScriptedSite site = ScriptedSite.start("127.0.0." + h);
                site.script("/page", ScriptedSite.Reply.status(200));
                sites.add(site);
                for (int i = 0; i < perHost; i++) {
                    checked.add(site.url("/page") + "?n=" + i);
                }
            }
            Collections.shuffle(checked, new Random(7));
            LinkProbe probe = new LinkProbe(new LinkCheckSettings(Duration.ofSeconds(10), 2, Duration.ofMillis(100), 5,
                    HOST_CONCURRENCY, HOST_INTERVAL, StatusCodes.parse("200-299"), LinkCheckSettings.USER_AGENT, List.of(), true));
            double checks = rate(checked, 256, url -> probe.check(url).outcome() == LinkCheck.Outcome.OK);
            int mostAtOnce = 0;
            long shortestSpan = Long.MAX_VALUE;
            for (ScriptedSite site : sites) {
                String host = site.url("").substring("http://".length());
                mostAtOnce = Math.max(mostAtOnce, site.maxConcurrent(host));
                shortestSpan = Math.min(shortestSpan, site.spanNanos(host));
            }
            double fastestPerHost = (perHost - 1) / (shortestSpan / 1e9);
            if (mostAtOnce > HOST_CONCURRENCY) {
                throw new IllegalStateException("a host had " + mostAtOnce + " checks at once, more than " + HOST_CONCURRENCY);
            }
            return List.of(
                    new Measure("plain HTTP GETs/s, 50 local hosts, no limits", baseline, "requests/s", Double.NaN, null, 0,
                            true, false, urls.size() + " GETs, 256 at a time, JDK HttpClient; the baseline of the next row"),
                    new Measure("link checks/s, 50 local hosts, per-host limits", checks, "checks/s", baseline,
                            "plain HTTP GETs/s", 500, true, false, checked.size() + " checks (HEAD), 256 at a time; at most "
                            + HOST_CONCURRENCY + " at once per host (measured: " + mostAtOnce + ") and " + HOST_INTERVAL.toMillis()
                            + " ms between starts (fastest host: " + Math.round(fastestPerHost) + " checks/s, limit "
                            + 1000 / HOST_INTERVAL.toMillis() + ")"));
        } finally {
            sites.forEach(ScriptedSite::close);
        }
    }

    private interface Check {
        boolean ok(String url) throws Exception;
    }

    private static double rate(List<String> urls, int concurrency, Check check) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        long start = System.nanoTime();
        int failed = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String url : urls) {
                results.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return check.ok(url);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<Boolean> result : results) {
                if (!result.get()) {
                    failed++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + urls.size() + " checks failed against a local server");
        }
        return urls.size() / seconds;
    }
}

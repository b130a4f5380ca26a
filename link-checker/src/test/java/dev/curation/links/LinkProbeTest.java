package dev.curation.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curation.embedded.ScriptedSite;
import dev.curation.embedded.ScriptedSite.Reply;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Link checks against a local scripted site: never the internet. */
class LinkProbeTest {

    private ScriptedSite site;

    @BeforeEach
    void start() {
        site = ScriptedSite.start("127.0.0.1");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static LinkCheckSettings settings() {
        return new LinkCheckSettings(Duration.ofMillis(500), 2, Duration.ofMillis(10), 3, 2, Duration.ZERO,
                StatusCodes.parse("200-299"), "curation-test-agent", List.of(), true);
    }

    private LinkCheck check(LinkCheckSettings settings, String path) throws InterruptedException {
        return new LinkProbe(settings).check(site.url(path));
    }

    @Test
    void aLiveLinkIsOneHeadRequestWithTheUserAgent() throws Exception {
        site.script("/ok", Reply.status(200));
        LinkCheck check = check(settings(), "/ok");
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.OK);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.attempts()).isEqualTo(1);
        assertThat(site.requests()).extracting(ScriptedSite.Seen::method).containsExactly("HEAD");
        assertThat(site.requests().getFirst().userAgent()).isEqualTo("curation-test-agent");
    }

    @Test
    void headThatIsNotAcceptedFallsBackToGet() throws Exception {
        site.script("/no-head", Reply.status(405), Reply.status(200));
        LinkCheck check = check(settings(), "/no-head");
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.OK);
        assertThat(site.requests()).extracting(ScriptedSite.Seen::method).containsExactly("HEAD", "GET");
    }

    @Test
    void aMissingPageFailsWithoutRetries() throws Exception {
        site.script("/gone", Reply.status(404));
        LinkCheck check = check(settings(), "/gone");
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.FAILED);
        assertThat(check.status()).isEqualTo(404);
        assertThat(check.attempts()).isEqualTo(1);
        assertThat(check.error()).isEqualTo("status 404");
    }

    @Test
    void redirectsAreFollowedAndRecordedHopByHop() throws Exception {
        site.script("/old", Reply.redirect(301, "/older"));
        site.script("/older", Reply.redirect(308, site.url("/new")));
        site.script("/new", Reply.status(200));
        LinkCheck check = check(settings(), "/old");
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.REDIRECTED);
        assertThat(check.finalUrl()).isEqualTo(site.url("/new"));
        assertThat(check.redirects()).containsExactly(new LinkCheck.Hop(301, site.url("/older")),
                new LinkCheck.Hop(308, site.url("/new")));
        assertThat(check.movedPermanently()).isTrue();

        site.script("/temporary", Reply.redirect(302, "/new"));
        assertThat(check(settings(), "/temporary").movedPermanently()).isFalse();
    }

    @Test
    void redirectLoopsAndLongChainsFail() throws Exception {
        site.script("/a", Reply.redirect(302, "/b"));
        site.script("/b", Reply.redirect(302, "/a"));
        LinkCheck loop = check(settings(), "/a");
        assertThat(loop.outcome()).isEqualTo(LinkCheck.Outcome.FAILED);
        assertThat(loop.error()).startsWith("redirect loop back to");
        assertThat(loop.attempts()).isEqualTo(1);

        for (int i = 0; i < 6; i++) {
            site.script("/chain" + i, Reply.redirect(307, "/chain" + (i + 1)));
        }
        LinkCheck chain = check(settings(), "/chain0");
        assertThat(chain.error()).isEqualTo("more than 3 redirects");
        assertThat(chain.redirects()).hasSize(4);
    }

    @Test
    void aSlowServerTimesOutOnEveryAttempt() throws Exception {
        site.script("/slow", Reply.slow(Duration.ofSeconds(3), 200));
        LinkCheck check = check(settings(), "/slow");
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.FAILED);
        assertThat(check.error()).isEqualTo("no answer within 500 ms");
        assertThat(check.attempts()).isEqualTo(3);
    }

    @Test
    void aFlappingServerPassesOnARetry() throws Exception {
        // HEAD 503 and GET 503, twice; then HEAD 200
        site.script("/flaps", Reply.status(503), Reply.status(503), Reply.status(503), Reply.status(503), Reply.status(200));
        LinkCheck check = check(settings(), "/flaps");
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.OK);
        assertThat(check.attempts()).isEqualTo(3);
    }

    @Test
    void acceptedStatusCodesAreConfigurable() throws Exception {
        site.script("/forbidden", Reply.status(403));
        LinkCheckSettings s = settings();
        LinkCheckSettings accepting403 = new LinkCheckSettings(s.timeout(), s.retries(), s.retryBackoff(), s.maxRedirects(),
                s.hostConcurrency(), s.hostInterval(), StatusCodes.parse("200-299, 403"), s.userAgent(), s.excludes(), true);
        assertThat(check(s, "/forbidden").outcome()).isEqualTo(LinkCheck.Outcome.FAILED);
        assertThat(check(accepting403, "/forbidden").outcome()).isEqualTo(LinkCheck.Outcome.OK);
    }

    @Test
    void privateAddressesAreRefusedByDefaultWithoutARequest() throws Exception {
        site.script("/inside", Reply.status(200));
        LinkCheck check = check(settings().withAllowPrivate(false), "/inside");
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.REFUSED);
        assertThat(check.error()).contains("127.0.0.1", "private, loopback or link-local");
        assertThat(site.requests()).isEmpty();
        assertThat(new LinkProbe(LinkCheckSettings.defaults()).check("http://localhost:" + site.port() + "/inside").outcome())
                .isEqualTo(LinkCheck.Outcome.REFUSED);
        assertThat(new LinkProbe(LinkCheckSettings.defaults()).check("ftp://example.org/file").outcome())
                .isEqualTo(LinkCheck.Outcome.REFUSED);
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void everyAddressOfTheOperatorsNetworkCountsAsInternal() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "::1", "fe80::1", "fd00::1", "::", "224.0.0.1", "255.255.255.255")) {
            assertThat(AddressGuard.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : List.of("8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "172.32.0.1", "100.128.0.1")) {
            assertThat(AddressGuard.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void aRedirectIntoThePrivateNetworkIsRefused() throws Exception {
        // the site stands for a public host here (allowed), redirecting to a private one
        site.script("/out", Reply.redirect(302, "http://10.255.255.1/admin"));
        LinkCheck check = check(settings().withAllowPrivate(false), "/out");
        // refused before any request: the first hop is loopback already; the guard is checked per hop
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.REFUSED);
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void excludedUrlsAreNotRequested() throws Exception {
        site.script("/private/page", Reply.status(200));
        LinkCheckSettings s = settings();
        LinkCheckSettings excluding = new LinkCheckSettings(s.timeout(), s.retries(), s.retryBackoff(), s.maxRedirects(),
                s.hostConcurrency(), s.hostInterval(), s.accepted(), s.userAgent(), List.of(Pattern.compile("/private/")), true);
        assertThat(check(excluding, "/private/page").outcome()).isEqualTo(LinkCheck.Outcome.EXCLUDED);
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void perHostConcurrencyAndIntervalAreRespected() throws Exception {
        site.script("/slowish", Reply.slow(Duration.ofMillis(60), 200));
        ScriptedSite other = ScriptedSite.start("127.0.0.2");
        try {
            other.script("/slowish", Reply.slow(Duration.ofMillis(60), 200));
            LinkCheckSettings s = settings();
            LinkProbe probe = new LinkProbe(new LinkCheckSettings(s.timeout(), 0, s.retryBackoff(), 0, 2,
                    Duration.ofMillis(20), s.accepted(), s.userAgent(), List.of(), true));
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<LinkCheck>> checks = new java.util.ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    checks.add(pool.submit(() -> probe.check(site.url("/slowish"))));
                    checks.add(pool.submit(() -> probe.check(other.url("/slowish"))));
                }
                for (Future<LinkCheck> check : checks) {
                    assertThat(check.get().outcome()).isEqualTo(LinkCheck.Outcome.OK);
                }
            }
            String host = "127.0.0.1:" + site.port();
            String otherHost = "127.0.0.2:" + other.port();
            assertThat(site.maxConcurrent(host)).isEqualTo(2);
            assertThat(other.maxConcurrent(otherHost)).isEqualTo(2);
            // starts are reserved 20 ms apart (HostLimiterTest); arrival jitters by the time a connection
            // takes, so here: 24 requests (HEAD only) to each host cannot arrive faster than one per 20 ms
            assertThat(site.spanNanos(host)).isGreaterThanOrEqualTo(Duration.ofMillis(11 * 20 - 10).toNanos());
            assertThat(other.spanNanos(otherHost)).isGreaterThanOrEqualTo(Duration.ofMillis(11 * 20 - 10).toNanos());
            assertThat(site.hosts()).containsEntry(host, 12);
        } finally {
            other.close();
        }
    }

    private static LinkCheckSettings noRetries(int hostConcurrency, Duration hostInterval) {
        LinkCheckSettings s = settings();
        return new LinkCheckSettings(s.timeout(), 0, s.retryBackoff(), s.maxRedirects(), hostConcurrency, hostInterval,
                s.accepted(), s.userAgent(), List.of(), true);
    }

    private static void awaitAbandoned(ScriptedSite site, int answers) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (site.abandoned() < answers && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    @Test
    void aBodyThatNeverEndsFailsAtTheDeadlineAndItsConnectionIsClosed() throws Exception {
        // HEAD is refused, GET answers 200 at once and then a byte every 50 ms for ever: no read waits long
        site.script("/trickle", Reply.status(405), Reply.trickle(200, Duration.ofMillis(50)));
        LinkCheck check = new LinkProbe(noRetries(2, Duration.ZERO)).check(site.url("/trickle"));
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.FAILED);
        assertThat(check.error()).isEqualTo("no answer within 500 ms");
        assertThat(check.elapsedMillis()).isLessThan(1500);
        awaitAbandoned(site, 1);
        assertThat(site.abandoned()).isEqualTo(1);
        assertThat(site.open()).isZero();
    }

    @Test
    void onlyTheFirstBytesOfALongBodyAreRead() throws Exception {
        site.script("/endless", Reply.status(405), Reply.endless(200));
        LinkCheck check = new LinkProbe(noRetries(2, Duration.ZERO)).check(site.url("/endless"));
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.OK);
        assertThat(check.elapsedMillis()).isLessThan(500);
        awaitAbandoned(site, 1);
        assertThat(site.abandoned()).isEqualTo(1);
    }

    @Test
    void theRequestsGoToTheAddressThatWasCheckedNotToASecondAnswer() throws Exception {
        // a name that rebinds: 127.0.0.2 when it is checked, 127.0.0.3 after
        ScriptedSite checked = ScriptedSite.start("127.0.0.2");
        ScriptedSite rebound = ScriptedSite.start("127.0.0.3", checked.port());
        try {
            checked.script("/page", Reply.status(405), Reply.status(200));
            rebound.script("/page", Reply.status(200));
            InetAddress first = InetAddress.getByName("127.0.0.2");
            InetAddress later = InetAddress.getByName("127.0.0.3");
            List<String> lookups = Collections.synchronizedList(new ArrayList<>());
            AddressGuard guard = new AddressGuard(true, host -> {
                lookups.add(host);
                return new InetAddress[] {lookups.size() == 1 ? first : later};
            });
            LinkProbe probe = new LinkProbe(noRetries(2, Duration.ZERO), new HostLimiter(2, Duration.ZERO), guard);
            LinkCheck check = probe.check("http://rebind.test:" + checked.port() + "/page");
            assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.OK);
            assertThat(lookups).containsExactly("rebind.test");
            // HEAD and GET both at the checked address, with the name as Host
            assertThat(checked.requests()).extracting(ScriptedSite.Seen::method).containsExactly("HEAD", "GET");
            assertThat(checked.requests()).extracting(ScriptedSite.Seen::host).containsOnly("rebind.test:" + checked.port());
            assertThat(rebound.requests()).isEmpty();
        } finally {
            checked.close();
            rebound.close();
        }
    }

    @Test
    void aNameThatResolvesToAnInternalAddressIsRefusedWithoutARequest() throws Exception {
        site.script("/inside", Reply.status(200));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AddressGuard guard = new AddressGuard(false, host -> new InetAddress[] {loopback});
        LinkCheck check = new LinkProbe(settings(), new HostLimiter(2, Duration.ZERO), guard)
                .check("http://innocent.test:" + site.port() + "/inside");
        assertThat(check.outcome()).isEqualTo(LinkCheck.Outcome.REFUSED);
        assertThat(check.error()).contains("innocent.test resolves to 127.0.0.1");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void twoNamesOfOneAddressShareItsLimit() throws Exception {
        site.script("/slowish", Reply.slow(Duration.ofMillis(60), 200));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AddressGuard guard = new AddressGuard(true, host -> new InetAddress[] {loopback});
        LinkProbe probe = new LinkProbe(noRetries(1, Duration.ZERO), new HostLimiter(1, Duration.ZERO), guard);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<LinkCheck>> checks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                checks.add(pool.submit(() -> probe.check("http://one.test:" + site.port() + "/slowish")));
                checks.add(pool.submit(() -> probe.check("http://two.test:" + site.port() + "/slowish")));
            }
            for (Future<LinkCheck> check : checks) {
                assertThat(check.get().outcome()).isEqualTo(LinkCheck.Outcome.OK);
            }
        }
        assertThat(site.hosts()).containsEntry("one.test:" + site.port(), 6).containsEntry("two.test:" + site.port(), 6);
        assertThat(site.maxConcurrent()).isEqualTo(1);
    }

    @Test
    void statusCodeSpecsAreCheckedAndNamed() {
        assertThat(StatusCodes.parse("200-299,403").accepts(403)).isTrue();
        assertThat(StatusCodes.parse("200-299,403").accepts(404)).isFalse();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> StatusCodes.parse("200-x"))
                .withMessageContaining("'200-x'");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> StatusCodes.parse("99"))
                .withMessageContaining("100-599");
    }
}

package dev.curation.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Failed sign-ins, counted per (account, client address) pair and per address. A pair that failed
 * more than its free failures waits before its next attempt, twice as long with each further
 * failure, up to a maximum; a sign-in forgets its failures. So a guesser slows down only itself:
 * the same account signs in from another address, and another account from the guesser's address
 * (behind a proxy or NAT, everyone's). There is no limit per account, which would let one guesser
 * lock its owner out everywhere. An address also waits, until its window ends, once it reached a
 * high number of failures for all accounts together, which bounds guessing across many accounts.
 * Blocked attempts are not counted. Accounts are named as the service matches them (the caller
 * decodes and folds case as its account look-up does). The command service counts its HTTP Basic
 * sign-ins, the identity service its clients' requests for tokens.
 */
public final class FailedSignIns {

    /** Every counted failure cost a password check, so this many live keys take far longer than a window. */
    private static final int MAX_KEYS = 100_000;

    private record Pair(String address, String account) {
    }

    private record Failures(int count, long last) {
    }

    private record Window(long start, int failures) {
    }

    private final SignInFailureProperties limits;
    private final LongSupplier nanoClock;
    private final Map<Pair, Failures> pairs = new ConcurrentHashMap<>();
    private final Map<String, Window> addresses = new ConcurrentHashMap<>();

    public FailedSignIns(SignInFailureProperties limits) {
        this(limits, System::nanoTime);
    }

    public FailedSignIns(SignInFailureProperties limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
    }

    /** How long the account must still wait at this address, or the address at all; zero when not blocked. */
    public Duration blocked(@Nullable String address, @Nullable String account) {
        long now = nanoClock.getAsLong();
        return Duration.ofNanos(Math.max(pairWait(address, account, now), addressWait(address, now)));
    }

    public void failed(@Nullable String address, @Nullable String account) {
        long now = nanoClock.getAsLong();
        if (account != null) {
            if (pairs.size() >= MAX_KEYS) {
                pairs.values().removeIf(f -> now - f.last() >= limits.forgetAfter().toNanos());
            }
            pairs.compute(pair(address, account), (k, f) -> f == null || now - f.last() >= limits.forgetAfter().toNanos()
                    ? new Failures(1, now) : new Failures(f.count() + 1, now));
        }
        if (addresses.size() >= MAX_KEYS) {
            addresses.values().removeIf(w -> now - w.start() >= limits.window().toNanos());
        }
        addresses.compute(address(address), (k, w) -> w == null || now - w.start() >= limits.window().toNanos()
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    /** The account signed in from the address: its failures there are forgotten (the address's are not). */
    public void succeeded(@Nullable String address, @Nullable String account) {
        if (account != null) {
            pairs.remove(pair(address, account));
        }
    }

    /** A wait as {@code Retry-After}: whole seconds, rounded up, so that retrying then is not refused again. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    private long pairWait(@Nullable String address, @Nullable String account, long now) {
        @Nullable Failures failures = account == null ? null : pairs.get(pair(address, account));
        if (failures == null || failures.count() <= limits.freeFailures()
                || now - failures.last() >= limits.forgetAfter().toNanos()) {
            return 0;
        }
        return Math.max(0, failures.last() + delay(failures.count() - limits.freeFailures()) - now);
    }

    /** The wait after the {@code n}th failure past the free ones: the first delay doubled n - 1 times, capped. */
    private long delay(int n) {
        long max = limits.maxDelay().toNanos();
        long delay = Math.min(limits.firstDelay().toNanos(), max);
        for (int i = 1; i < n && delay < max; i++) {
            delay = Math.min(max, delay * 2);
        }
        return delay;
    }

    private long addressWait(@Nullable String address, long now) {
        @Nullable Window window = addresses.get(address(address));
        if (window == null || window.failures() < limits.maxPerAddress()) {
            return 0;
        }
        return Math.max(0, window.start() + limits.window().toNanos() - now);
    }

    private static Pair pair(@Nullable String address, String account) {
        return new Pair(address(address), account);
    }

    /** A request whose address is unknown counts as the one unknown address. */
    private static String address(@Nullable String address) {
        return address == null ? "" : address;
    }
}

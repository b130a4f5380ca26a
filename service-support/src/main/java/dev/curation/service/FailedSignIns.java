package dev.curation.service;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Failed sign-ins per client address and per user name, each counted in a fixed window that
 * starts with its first failure. A key that reached its maximum waits until its window ends;
 * blocked attempts are not counted, so the wait never grows. The command service counts its HTTP
 * Basic sign-ins, the identity service its clients' requests for tokens.
 */
public final class FailedSignIns {

    /** Every counted failure cost a password check, so this many live keys take far longer than a window. */
    private static final int MAX_KEYS = 100_000;

    private record Window(long start, int failures) {
    }

    private final SignInFailureProperties limits;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FailedSignIns(SignInFailureProperties limits) {
        this(limits, System::nanoTime);
    }

    public FailedSignIns(SignInFailureProperties limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.windowNanos = limits.window().toNanos();
        this.nanoClock = nanoClock;
    }

    /** How long the address or the user must still wait before the next attempt; zero when not blocked. */
    public Duration blocked(@Nullable String address, @Nullable String user) {
        long now = nanoClock.getAsLong();
        return Duration.ofNanos(Math.max(wait(addressKey(address), limits.maxPerAddress(), now),
                wait(userKey(user), limits.maxPerUser(), now)));
    }

    public void failed(@Nullable String address, @Nullable String user) {
        long now = nanoClock.getAsLong();
        if (windows.size() >= MAX_KEYS) {
            windows.values().removeIf(w -> now - w.start() >= windowNanos);
        }
        count(addressKey(address), now);
        count(userKey(user), now);
    }

    /** A wait as {@code Retry-After}: whole seconds, rounded up, so that retrying then is not refused again. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    private long wait(@Nullable String key, int max, long now) {
        @Nullable Window window = key == null ? null : windows.get(key);
        if (window == null || window.failures() < max) {
            return 0;
        }
        return Math.max(0, window.start() + windowNanos - now);
    }

    private void count(@Nullable String key, long now) {
        if (key != null) {
            windows.compute(key, (k, w) -> w == null || now - w.start() >= windowNanos
                    ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
        }
    }

    private static @Nullable String addressKey(@Nullable String address) {
        return address == null ? null : "address:" + address;
    }

    /** User names are matched ignoring case, as the accounts are. */
    private static @Nullable String userKey(@Nullable String user) {
        return user == null ? null : "user:" + user.toLowerCase(Locale.ROOT);
    }
}

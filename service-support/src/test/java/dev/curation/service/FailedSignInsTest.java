package dev.curation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final FailedSignIns failures = new FailedSignIns(
            new SignInFailureProperties(3, 5, Duration.ofSeconds(60)), now::get);

    @Test
    void anAddressWaitsFromItsMaximumUntilItsWindowEnds() {
        for (int i = 0; i < 2; i++) {
            failures.failed("10.0.0.1", "alice");
        }
        assertThat(failures.blocked("10.0.0.1", "alice")).isZero();

        failures.failed("10.0.0.1", "alice");
        advance(Duration.ofSeconds(20));

        assertThat(failures.blocked("10.0.0.1", "bob")).isEqualTo(Duration.ofSeconds(40));
        assertThat(failures.blocked("10.0.0.2", "alice")).isZero();
        advance(Duration.ofSeconds(40));
        assertThat(failures.blocked("10.0.0.1", "alice")).isZero();
    }

    @Test
    void aUserIsBlockedFromEveryAddressAtItsOwnMaximum() {
        for (int i = 0; i < 5; i++) {
            failures.failed("10.0.1." + i, "Alice");
        }

        assertThat(failures.blocked("10.0.2.1", "alice")).isEqualTo(Duration.ofSeconds(60));
        assertThat(failures.blocked("10.0.2.1", "bob")).isZero();
    }

    @Test
    void aFailureAfterTheWindowStartsANewCount() {
        for (int i = 0; i < 3; i++) {
            failures.failed("10.0.0.1", "u" + i);
        }
        advance(Duration.ofSeconds(61));

        failures.failed("10.0.0.1", "u");

        assertThat(failures.blocked("10.0.0.1", "v")).isZero();
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUp() {
        assertThat(FailedSignIns.retryAfterSeconds(Duration.ofMillis(40_001))).isEqualTo(41);
        assertThat(FailedSignIns.retryAfterSeconds(Duration.ofNanos(1))).isEqualTo(1);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}

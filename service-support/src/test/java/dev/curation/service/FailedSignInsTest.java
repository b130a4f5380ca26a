package dev.curation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    /** Two free failures, then 10 s doubling up to 60 s; an address waits after 8 failures within a minute. */
    private final FailedSignIns failures = new FailedSignIns(new SignInFailureProperties(2, Duration.ofSeconds(10),
            Duration.ofSeconds(60), Duration.ofHours(1), 8, Duration.ofSeconds(60)), now::get);

    @Test
    void aGuesserSlowsDownOnlyItsOwnAccountAndAddress() {
        for (int i = 0; i < 5; i++) {
            failures.failed("10.0.0.1", "alice");
        }

        assertThat(failures.blocked("10.0.0.1", "alice")).isPositive();
        // the owner elsewhere, and another account behind the guesser's address (a proxy, a NAT)
        assertThat(failures.blocked("10.0.0.2", "alice")).isZero();
        assertThat(failures.blocked("10.0.0.1", "bob")).isZero();
    }

    @Test
    void pastTheFreeFailuresEachOneDoublesTheWaitUpToItsMaximum() {
        failures.failed("10.0.0.1", "alice");
        failures.failed("10.0.0.1", "alice");
        assertThat(failures.blocked("10.0.0.1", "alice")).isZero();

        assertThat(waitAfterOneMoreFailure()).isEqualTo(Duration.ofSeconds(10));
        assertThat(waitAfterOneMoreFailure()).isEqualTo(Duration.ofSeconds(20));
        assertThat(waitAfterOneMoreFailure()).isEqualTo(Duration.ofSeconds(40));
        assertThat(waitAfterOneMoreFailure()).isEqualTo(Duration.ofSeconds(60));
        assertThat(waitAfterOneMoreFailure()).isEqualTo(Duration.ofSeconds(60));

        advance(Duration.ofSeconds(59));
        assertThat(failures.blocked("10.0.0.1", "alice")).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(failures.blocked("10.0.0.1", "alice")).isZero();
    }

    @Test
    void aSignInForgetsThePairsFailures() {
        for (int i = 0; i < 3; i++) {
            failures.failed("10.0.0.1", "alice");
        }
        failures.succeeded("10.0.0.1", "alice");

        failures.failed("10.0.0.1", "alice");
        assertThat(failures.blocked("10.0.0.1", "alice")).isZero();
    }

    @Test
    void aPairsFailuresAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 5; i++) {
            failures.failed("10.0.0.1", "alice");
        }
        advance(Duration.ofHours(1));

        failures.failed("10.0.0.1", "alice");
        assertThat(failures.blocked("10.0.0.1", "alice")).isZero();
    }

    @Test
    void anAddressWaitsFromItsMaximumOverAllAccountsUntilItsWindowEnds() {
        for (int i = 0; i < 7; i++) {
            failures.failed("10.0.0.1", "user" + i);
        }
        assertThat(failures.blocked("10.0.0.1", "bob")).isZero();

        failures.failed("10.0.0.1", "user7");
        advance(Duration.ofSeconds(20));

        assertThat(failures.blocked("10.0.0.1", "bob")).isEqualTo(Duration.ofSeconds(40));
        assertThat(failures.blocked("10.0.0.2", "bob")).isZero();
        advance(Duration.ofSeconds(40));
        assertThat(failures.blocked("10.0.0.1", "bob")).isZero();
    }

    @Test
    void accountsAreCountedByTheNameTheyAreGivenSoTheCallerDecidesWhatIsTheSameAccount() {
        for (int i = 0; i < 3; i++) {
            failures.failed("10.0.0.1", "alice");
        }

        assertThat(failures.blocked("10.0.0.1", "alice")).isPositive();
        assertThat(failures.blocked("10.0.0.1", "Alice")).isZero();
    }

    @Test
    void retryAfterIsInWholeSecondsRoundedUp() {
        assertThat(FailedSignIns.retryAfterSeconds(Duration.ofMillis(40_001))).isEqualTo(41);
        assertThat(FailedSignIns.retryAfterSeconds(Duration.ofNanos(1))).isEqualTo(1);
    }

    private Duration waitAfterOneMoreFailure() {
        failures.failed("10.0.0.1", "alice");
        return failures.blocked("10.0.0.1", "alice");
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}

package dev.curation.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ReadGateTest {

    @Test
    void aReadFindingEveryPermitTakenIsRefusedAfterTheWait() throws Exception {
        ReadGate gate = new ReadGate(1, Duration.ofMillis(50));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var executor = Executors.newSingleThreadExecutor()) {
            executor.submit(() -> gate.run(() -> {
                holding.countDown();
                await(release);
                return null;
            }));
            holding.await();
            assertThatThrownBy(() -> gate.run(() -> "never")).isInstanceOf(ReadGate.Busy.class)
                    .hasMessageContaining("try again");
            release.countDown();
        }
        assertThat(gate.run(() -> "done")).isEqualTo("done");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.curation.web.review;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A write goes to the command service and is read back from the query service a moment later:
 * after a review action the page waits (briefly) until its proposal reads differently, so the page
 * shown next already has the comment or the decision in it.
 */
@Component
class Settling {

    private final Duration wait;
    private final Duration step;

    Settling() {
        this(Duration.ofSeconds(3), Duration.ofMillis(100));
    }

    Settling(Duration wait, Duration step) {
        this.wait = wait;
        this.step = step;
    }

    /** Runs {@code write} and waits until {@code read} answers differently than before it, or the wait is over. */
    <T> void after(Supplier<T> read, Runnable write) {
        T before = read.get();
        write.run();
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            if (!Objects.equals(before, read.get())) {
                return;
            }
            try {
                Thread.sleep(step);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

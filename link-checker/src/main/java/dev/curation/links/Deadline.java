package dev.curation.links;

import java.io.IOException;
import java.time.Duration;

/**
 * When an outbound exchange must be over, whatever it is waiting for (a name, a connection, the
 * headers or the rest of a body): a timeout per read lets a server that trickles bytes hold a
 * thread for ever, a deadline does not.
 */
public record Deadline(long atNanos, Duration length) {

    public static Deadline in(Duration length) {
        return new Deadline(System.nanoTime() + length.toNanos(), length);
    }

    public long remainingNanos() {
        return Math.max(0, atNanos - System.nanoTime());
    }

    public boolean passed() {
        return remainingNanos() == 0;
    }

    public Passed exceeded() {
        return new Passed(length);
    }

    /** The deadline passed before the exchange was over; its thread and socket are already freed. */
    public static final class Passed extends IOException {
        private static final long serialVersionUID = 1L;

        Passed(Duration length) {
            super("no answer within " + length.toMillis() + " ms");
        }
    }
}

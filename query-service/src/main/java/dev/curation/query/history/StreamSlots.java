package dev.curation.query.history;

import dev.curation.query.config.StreamProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * The open change streams, bounded twice: at most {@code curation.streams.max-open} on the replica
 * and at most {@code curation.streams.max-open-per-address} from one client address, so that one
 * client cannot take every slot and leave every other reader a 503.
 */
@Component
public class StreamSlots {

    /** Seconds a refused client should wait: a stream's slot frees when it ends or its client is found gone. */
    public static final int RETRY_AFTER = 15;

    private final Semaphore open;
    private final int maxOpen;
    private final int maxPerAddress;
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();

    StreamSlots(StreamProperties settings) {
        this.open = new Semaphore(settings.maxOpen());
        this.maxOpen = settings.maxOpen();
        this.maxPerAddress = settings.maxOpenPerAddress();
    }

    /**
     * Takes a slot for a stream of {@code address}; close it when the stream ends.
     *
     * @throws TooManyFromAddress when the address holds all it may
     * @throws ReadGate.Busy when every slot of the replica is taken
     */
    public Slot open(String address) {
        boolean[] taken = {false};
        perAddress.compute(address, (a, held) -> {
            int count = held == null ? 0 : held;
            if (count >= maxPerAddress) {
                return held;
            }
            taken[0] = true;
            return count + 1;
        });
        if (!taken[0]) {
            throw new TooManyFromAddress("your address " + address + " has " + maxPerAddress
                    + " change streams open, as many as one address may (curation.streams.max-open-per-address); "
                    + "close one or try again later");
        }
        if (!open.tryAcquire()) {
            release(address);
            throw new ReadGate.Busy("all " + maxOpen + " change streams are open (curation.streams.max-open); try again later");
        }
        return new Slot(this, address);
    }

    /** How many streams {@code address} holds now. */
    public int heldBy(String address) {
        return perAddress.getOrDefault(address, 0);
    }

    private void release(String address) {
        perAddress.computeIfPresent(address, (a, held) -> held <= 1 ? null : held - 1);
    }

    /** One open stream's slot. */
    public record Slot(StreamSlots slots, String address) implements AutoCloseable {

        @Override
        public void close() {
            slots.release(address);
            slots.open.release();
        }
    }

    /** The client's address holds as many streams as one address may (answered 429 with Retry-After). */
    public static final class TooManyFromAddress extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooManyFromAddress(String message) {
            super(message);
        }
    }
}

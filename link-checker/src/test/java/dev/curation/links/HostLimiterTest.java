package dev.curation.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostLimiterTest {

    @Test
    void turnsAtOneHostAreSpacedAndBoundedWhileOtherHostsGoOn() throws Exception {
        HostLimiter limiter = new HostLimiter(2, Duration.ofMillis(15));
        InetAddress server = InetAddress.getByName("192.0.2.1");
        InetAddress otherServer = InetAddress.getByName("192.0.2.2");
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Long> otherStarts = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                pool.submit(() -> {
                    HostLimiter.Turn turn = limiter.acquire(server);
                    try {
                        starts.add(System.nanoTime());
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.sleep(40);
                        inside.decrementAndGet();
                    } finally {
                        turn.close();
                    }
                    return null;
                });
                pool.submit(() -> {
                    HostLimiter.Turn turn = limiter.acquire(otherServer);
                    try {
                        otherStarts.add(System.nanoTime());
                    } finally {
                        turn.close();
                    }
                    return null;
                });
            }
        }
        // each turn's start is reserved 15 ms after the one before (a thread that wakes late makes
        // one gap shorter, never the whole run): ten turns span at least nine intervals
        List<Long> sorted = starts.stream().sorted().toList();
        assertThat(sorted.getLast() - sorted.getFirst()).isGreaterThanOrEqualTo(Duration.ofMillis(9 * 15 - 5).toNanos());
        assertThat(most.get()).isEqualTo(2);
        // ten turns at one address, ten at the other
        assertThat(starts).hasSize(10);
        assertThat(otherStarts).hasSize(10);
    }
}

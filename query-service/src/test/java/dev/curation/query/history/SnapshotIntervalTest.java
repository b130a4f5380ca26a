package dev.curation.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnapshotIntervalTest {

    @Test
    void smallListsAreSnapshottedEvery50Versions() {
        assertThat(HistoryRecorder.snapshotInterval(0)).isEqualTo(50);
        assertThat(HistoryRecorder.snapshotInterval(999)).isEqualTo(50);
    }

    @Test
    void largeListsAreSnapshottedLessOftenSoTheBytesPerVersionStayBounded() {
        long previous = 50;
        for (int items = 0; items <= 1_000_000; items += 997) {
            long interval = HistoryRecorder.snapshotInterval(items);
            // within a tenth of the list, and each interval divides the next (no snapshot skipped for long)
            assertThat(interval).isLessThanOrEqualTo(Math.max(50, items / 10));
            assertThat(interval % previous == 0 || previous % interval == 0).isTrue();
            // a snapshot's bytes (about one unit per item) spread over its interval stay under 20 per version
            assertThat((double) items / interval).isLessThan(20.0);
            previous = interval;
        }
        assertThat(HistoryRecorder.snapshotInterval(40_000)).isEqualTo(3200);
    }
}

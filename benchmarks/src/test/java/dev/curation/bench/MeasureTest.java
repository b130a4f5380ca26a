package dev.curation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureTest {

    @Test
    void ratioTargetsAreFloorsOnTheRatio() {
        Measure edits = new Measure("edits", 400, "edits/s", 1000, "inserts", 0.5, true, true, "");
        assertThat(edits.ratio()).isEqualTo(0.4);
        assertThat(edits.holds()).isFalse();
        assertThat(new Measure("edits", 600, "edits/s", 1000, "inserts", 0.5, true, true, "").holds()).isTrue();
    }

    @Test
    void latencyTargetsAreCeilingsOnTheValue() {
        assertThat(new Measure("p99", 120, "ms", Double.NaN, null, 100, false, false, "").holds()).isFalse();
        Measure ok = new Measure("p99", 80, "ms", Double.NaN, null, 100, false, false, "");
        assertThat(ok.holds()).isTrue();
        assertThat(ok.ratio()).isNaN();
        assertThat(Report.line(ok)).contains("p99", "80.0", "<= 100 ms", "holds");
    }

    @Test
    void percentilesUseTheNearestRank() {
        List<Double> sorted = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(LoadDriver.percentile(sorted, 50)).isEqualTo(5.0);
        assertThat(LoadDriver.percentile(sorted, 99)).isEqualTo(10.0);
        assertThat(LoadDriver.percentile(List.of(), 50)).isNaN();
    }
}

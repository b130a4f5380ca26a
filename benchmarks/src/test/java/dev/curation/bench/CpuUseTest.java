package dev.curation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUseTest {

    private final CpuUse before = new CpuUse(Map.of("command service", 10.0, "PostgreSQL", 4.0),
            Map.of("command service", 1.0), 100, 1_000, 50);
    private final CpuUse after = new CpuUse(Map.of("command service", 16.0, "PostgreSQL", 7.0, "CRUD peer", 1.0),
            Map.of("command service", 3.5, "PostgreSQL", 0.5), 110, 31_000, 250);

    @Test
    void aPhaseIsWhatEachRoleUsedBetweenTwoReadings() {
        CpuUse phase = after.since(before);
        assertThat(phase.seconds()).containsOnly(Map.entry("command service", 6.0), Map.entry("PostgreSQL", 3.0),
                Map.entry("CRUD peer", 1.0));
        assertThat(phase.wallSeconds()).isEqualTo(10.0);
        assertThat(phase.total()).isEqualTo(10.0);
        assertThat(phase.contextSwitches()).isEqualTo(30_000);
        assertThat(phase.transactions()).isEqualTo(200);
        assertThat(phase.waitSeconds()).containsOnly(Map.entry("command service", 2.5), Map.entry("PostgreSQL", 0.5));
        assertThat(phase.waited()).isEqualTo(3.0);
    }

    @Test
    void busyIsCpuOverCoresTimesTheWallClock() {
        // 10 CPU s in 10 s on 2 cores: half of what they could do
        assertThat(after.since(before).busyPercent(2)).isCloseTo(50.0, within(1e-9));
        assertThat(after.since(before).describeBusy(2)).isEqualTo("command service 30 %, PostgreSQL 15 %, CRUD peer 5 %");
    }

    @Test
    void perOperationIsInMillisecondsLargestFirst() {
        CpuUse phase = after.since(before);
        assertThat(phase.millisPer(2000)).containsExactly(Map.entry("command service", 3.0), Map.entry("PostgreSQL", 1.5),
                Map.entry("CRUD peer", 0.5));
        assertThat(phase.describePer(2000)).isEqualTo("command service 3.00, PostgreSQL 1.50, CRUD peer 0.50");
    }

    @Test
    void waitsAreDescribedPerOperationLargestFirst() {
        assertThat(after.since(before).describeWaitPer(1000)).isEqualTo("command service 2.50, PostgreSQL 0.50");
        // 3 s of waiting in a 10 s phase
        assertThat(after.since(before).describeWaitPerSecond()).isEqualTo("command service 250.00, PostgreSQL 50.00");
    }

    @Test
    void countsPerOperationAreOfThePhase() {
        CpuUse phase = after.since(before);
        assertThat(phase.totalMillisPer(2000)).isCloseTo(5.0, within(1e-9));
        assertThat(phase.contextSwitchesPer(2000)).isEqualTo(15.0);
        assertThat(phase.transactionsPer(2000)).isEqualTo(0.1);
    }
}

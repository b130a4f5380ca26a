package dev.curation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HopSplitTest {

    /** As /actuator/prometheus prints the timer (Micrometer's Prometheus registry), trimmed to a few buckets. */
    private static final String BEFORE = """
            # HELP curation_pipeline_hop_seconds a record's send to Kafka until readers see its version
            # TYPE curation_pipeline_hop_seconds histogram
            curation_pipeline_hop_seconds_bucket{application="query-service",hop="visible",le="0.001"} 0
            curation_pipeline_hop_seconds_bucket{application="query-service",hop="visible",le="0.01"} 10
            curation_pipeline_hop_seconds_bucket{application="query-service",hop="visible",le="0.1"} 10
            curation_pipeline_hop_seconds_bucket{application="query-service",hop="visible",le="+Inf"} 10
            curation_pipeline_hop_seconds_count{application="query-service",hop="visible"} 10
            curation_pipeline_hop_seconds_sum{application="query-service",hop="visible"} 0.05
            # HELP curation_pipeline_hop_seconds_max a record's send to Kafka until readers see its version
            # TYPE curation_pipeline_hop_seconds_max gauge
            curation_pipeline_hop_seconds_max{application="query-service",hop="visible"} 0.009
            http_server_requests_seconds_bucket{method="GET",le="0.001"} 3
            """;
    private static final String AFTER = """
            curation_pipeline_hop_seconds_bucket{application="query-service",hop="visible",le="0.001"} 0
            curation_pipeline_hop_seconds_bucket{application="query-service",hop="visible",le="0.01"} 60
            curation_pipeline_hop_seconds_bucket{application="query-service",hop="visible",le="0.1"} 109
            curation_pipeline_hop_seconds_bucket{application="query-service",hop="visible",le="+Inf"} 110
            curation_pipeline_hop_seconds_count{application="query-service",hop="visible"} 110
            curation_pipeline_hop_seconds_bucket{le="0.001",hop="commit"} 40.0
            curation_pipeline_hop_seconds_bucket{le="0.01",hop="commit"} 100.0
            curation_pipeline_hop_seconds_bucket{le="+Inf",hop="commit"} 100.0
            """;

    @Test
    void percentilesComeFromTheBucketsRecordedBetweenTwoScrapes() {
        HopSplit phase = HopSplit.parse(AFTER).since(HopSplit.parse(BEFORE));
        assertThat(phase.count("visible")).isEqualTo(100);
        // 50 of the phase's 100 in (1 ms, 10 ms]: the 50th is the bucket's top
        assertThat(phase.percentileMillis("visible", 50)).isCloseTo(10, within(1e-9));
        // the 75th is half way into (10 ms, 100 ms], which holds 49
        assertThat(phase.percentileMillis("visible", 75)).isCloseTo(10 + 90 * 25.0 / 49, within(1e-9));
        // one above 100 ms: the 99.5th falls in +Inf and reads as the highest finite bound
        assertThat(phase.percentileMillis("visible", 99.5)).isCloseTo(100, within(1e-9));
    }

    @Test
    void aHopFirstSeenAfterTheFirstScrapeCountsFromZeroAndTheFirstBucketFromZeroMilliseconds() {
        HopSplit phase = HopSplit.parse(AFTER).since(HopSplit.parse(BEFORE));
        assertThat(phase.count("commit")).isEqualTo(100);
        assertThat(phase.percentileMillis("commit", 20)).isCloseTo(0.5, within(1e-9));
        assertThat(phase.percentileMillis("commit", 70)).isCloseTo(1 + 9 * 0.5, within(1e-9));
    }

    @Test
    void rowsNameEveryHopThatRecordedSomethingAndNothingElse() {
        HopSplit phase = HopSplit.parse(AFTER).since(HopSplit.parse(BEFORE));
        assertThat(phase.rows("at half").stream().map(Measure::measure)).containsExactly(
                "hop commit, p50, at half", "hop commit, p99, at half", "hop visible, p50, at half", "hop visible, p99, at half");
        assertThat(phase.percentileMillis("consume", 50)).isNaN();
        assertThat(HopSplit.parse(BEFORE).since(HopSplit.parse(BEFORE)).rows("x")).isEmpty();
    }
}

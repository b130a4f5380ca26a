package dev.curation.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where an edit's time goes on its way from the command service to the query service's read
 * model: one timer, {@code curation.pipeline.hop}, tagged with the {@code hop}. Each hop has a
 * percentile histogram (and buckets at 1, 2, 5, 10, 20, 50, 100, 200, 500 and 1000 ms), so
 * percentiles over any interval come from the differences of two scrapes of
 * {@code /actuator/prometheus}.
 */
public final class PipelineHops {

    /** The timer's name. */
    public static final String NAME = "curation.pipeline.hop";
    private static final Duration[] BUCKETS = {ms(1), ms(2), ms(5), ms(10), ms(20), ms(50), ms(100), ms(200), ms(500),
        ms(1000)};

    private PipelineHops() {
    }

    /** The timer of one hop, registered on first use. */
    public static Timer timer(MeterRegistry meters, String hop, String description) {
        return Timer.builder(NAME)
                .tag("hop", hop)
                .description(description)
                .publishPercentileHistogram()
                .serviceLevelObjectives(BUCKETS)
                .minimumExpectedValue(ms(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
    }

    /** Records the milliseconds from {@code startMillis} (epoch) to now; clock skew below zero counts as zero. */
    public static void sinceEpochMillis(Timer timer, long startMillis) {
        timer.record(Math.max(0, System.currentTimeMillis() - startMillis), TimeUnit.MILLISECONDS);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}

package dev.curation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services' {@code curation.pipeline.hop} histograms from a scrape of {@code /actuator/prometheus}:
 * the difference of two scrapes gives each hop's percentiles over the time between them, so a
 * benchmark phase names the hop its latency went to.
 *
 * @param buckets per hop, the cumulative count of each bucket by its upper bound in seconds
 *                ({@code +Inf} as {@link Double#POSITIVE_INFINITY})
 */
record HopSplit(Map<String, NavigableMap<Double, Double>> buckets) {

    private static final Pattern BUCKET = Pattern.compile("^curation_pipeline_hop_seconds_bucket\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The hops' buckets in Prometheus text (the scrapes of several services may be concatenated). */
    static HopSplit parse(String prometheusText) {
        Map<String, NavigableMap<Double, Double>> buckets = new TreeMap<>();
        for (String line : prometheusText.split("\n")) {
            Matcher bucket = BUCKET.matcher(line);
            if (!bucket.find()) {
                continue;
            }
            String hop = null;
            String le = null;
            Matcher label = LABEL.matcher(bucket.group(1));
            while (label.find()) {
                switch (label.group(1)) {
                    case "hop" -> hop = label.group(2);
                    case "le" -> le = label.group(2);
                    default -> { }
                }
            }
            if (hop != null && le != null) {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.computeIfAbsent(hop, h -> new TreeMap<>()).merge(bound, Double.parseDouble(bucket.group(2)), Double::sum);
            }
        }
        return new HopSplit(buckets);
    }

    /** What was recorded after {@code before}: the bucket counts' differences. */
    HopSplit since(HopSplit before) {
        Map<String, NavigableMap<Double, Double>> delta = new TreeMap<>();
        buckets.forEach((hop, now) -> {
            NavigableMap<Double, Double> then = before.buckets.getOrDefault(hop, new TreeMap<>());
            NavigableMap<Double, Double> diff = new TreeMap<>();
            now.forEach((le, count) -> diff.put(le, count - then.getOrDefault(le, 0.0)));
            delta.put(hop, diff);
        });
        return new HopSplit(delta);
    }

    /** How many values a hop recorded. */
    double count(String hop) {
        NavigableMap<Double, Double> hopBuckets = buckets.get(hop);
        return hopBuckets == null || hopBuckets.isEmpty() ? 0 : hopBuckets.lastEntry().getValue();
    }

    /**
     * A hop's percentile in milliseconds, as Prometheus' {@code histogram_quantile} computes it:
     * linear within the bucket the rank falls in (from 0 for the first); the highest finite bound
     * when it falls in {@code +Inf}; NaN when nothing was recorded.
     */
    double percentileMillis(String hop, double percentile) {
        double total = count(hop);
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = total * percentile / 100;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : buckets.get(hop).entrySet()) {
            double upper = bucket.getKey();
            double cumulative = bucket.getValue();
            if (cumulative >= rank) {
                if (Double.isInfinite(upper)) {
                    return lower * 1000;
                }
                double inBucket = cumulative - below;
                double fraction = inBucket <= 0 ? 1 : (rank - below) / inBucket;
                return (lower + (upper - lower) * fraction) * 1000;
            }
            lower = upper;
            below = cumulative;
        }
        return lower * 1000;
    }

    /** Rows {@code hop <name>, p50} and {@code p99} of every hop that recorded something, in pipeline order. */
    List<Measure> rows(String label) {
        List<Measure> rows = new ArrayList<>();
        for (String hop : List.of("commit", "publish-pickup", "broker-ack", "consume", "project", "visible")) {
            double count = count(hop);
            if (count > 0) {
                for (int p : new int[] {50, 99}) {
                    rows.add(new Measure("hop " + hop + ", p" + p + ", " + label, percentileMillis(hop, p), "ms", Double.NaN,
                            null, 0, true, false, Math.round(count) + " recorded (all lists), curation.pipeline.hop histogram "
                            + "deltas; informational"));
                }
            }
        }
        return rows;
    }
}

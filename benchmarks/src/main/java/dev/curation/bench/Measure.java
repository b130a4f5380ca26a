package dev.curation.bench;

/**
 * One result line: a value, the baseline it is compared with (measured in the same run; NaN when
 * there is none), their ratio, and the target the ratio (or the value) must meet.
 *
 * @param higherIsBetter whether the target is a floor (rates) or a ceiling (latencies, memory)
 * @param onRatio        whether the target applies to the ratio rather than to the value
 */
record Measure(String measure, double value, String unit, double baseline, String baselineName, double target,
               boolean higherIsBetter, boolean onRatio, String settings) {

    double ratio() {
        return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
    }

    boolean holds() {
        double subject = onRatio ? ratio() : value;
        return higherIsBetter ? subject >= target : subject <= target;
    }

    String targetText() {
        return (higherIsBetter ? ">= " : "<= ") + fmt(target) + (onRatio ? " (ratio)" : " " + unit);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 100) {
            return String.format("%.0f", v);
        }
        return Math.abs(v) >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }
}

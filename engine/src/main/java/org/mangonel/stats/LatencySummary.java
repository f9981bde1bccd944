package org.mangonel.stats;

import org.HdrHistogram.Histogram;

/**
 * The usual figures of a latency distribution, in milliseconds. All zero when there were no
 * samples ({@link #count()} says so).
 */
public record LatencySummary(long count, double minMs, double meanMs, double stdevMs, double p50Ms, double p90Ms,
                             double p99Ms, double p999Ms, double maxMs) {

    /** Summarises a histogram of microsecond values. */
    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(h.getTotalCount(), ms(h.getMinValue()), h.getMean() / 1000.0,
                h.getStdDeviation() / 1000.0, ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(long us) {
        return us / 1000.0;
    }
}

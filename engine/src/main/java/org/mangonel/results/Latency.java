package org.mangonel.results;

/** A latency distribution's usual figures, milliseconds. All zero when there were no samples. */
public record Latency(double min, double mean, double stdev, double p50, double p90, double p99, double p999,
                      double max) {
    public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0, 0);
}

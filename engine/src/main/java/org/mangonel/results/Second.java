package org.mangonel.results;

/**
 * One second of a window's time series, from its interval histogram.
 *
 * @param t      seconds since the measured window began (negative: the warm-up)
 * @param warmup whether this second was warm-up (never part of the figures)
 * @param rate   successes completed in the second
 * @param errors errors counted in the second
 * @param p50    milliseconds, of the successes completed in the second
 * @param p99    milliseconds
 * @param max    milliseconds
 */
public record Second(int t, boolean warmup, long rate, long errors, double p50, double p99, double max) {
}

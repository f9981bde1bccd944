package org.mangonel.results;

import java.util.List;

/**
 * One level (a concurrency, at a rate in the open model) of one framework: its repetitions and
 * their summary.
 *
 * @param status     ok, failed, interrupted, or superseded (see {@link #superseded()})
 * @param thresholds the benchmark's thresholds checked on the summary (version 2)
 */
public record Level(int concurrency, RateRef rate, String status, String reason, List<Run> runs, Summary summary,
                    List<ThresholdCheck> thresholds) {
    public Level {
        runs = runs == null ? List.of() : runs;
        thresholds = thresholds == null ? List.of() : thresholds;
    }

    /**
     * Whether a capacity search measured this level, found it missed the SLO and measured a lower
     * load instead: kept for what it measured, but not the framework's figure (not compared,
     * not checked against thresholds, not in the page's tables).
     */
    public boolean superseded() {
        return "superseded".equals(status);
    }

    /** A rate of the open model: its label and its ends (equal for a constant rate). */
    public record RateRef(String label, double fromRps, double toRps) {
    }

    /**
     * One threshold checked on this level's summary.
     *
     * @param threshold as written, e.g. {@code p99 < 50ms}
     * @param actual    the figure compared, in the threshold's unit (ms, %, per second)
     */
    public record ThresholdCheck(String threshold, double actual, boolean passed) {
    }
}

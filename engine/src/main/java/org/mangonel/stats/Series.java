package org.mangonel.stats;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One loop's time series of a window: an interval histogram and an error count per second,
 * warm-up included, by completion time. Seconds are counted from the start of the measured
 * window (the warm-up's are negative), so the series of several loops, or of several shards that
 * share a start, line up by index. Single writer (the loop thread); a second's histogram is made
 * when its first sample comes, so an idle loop allocates nothing and a busy one once a second.
 */
public final class Series {
    static final long SECOND_NS = 1_000_000_000L;
    /** Per-second histograms need less precision than the window's: 2 digits (1%) keep them small. */
    private static final int DIGITS = 2;

    private long originNs;
    private int firstIndex;
    private final List<Histogram> histograms = new ArrayList<>();
    private final List<long[]> errors = new ArrayList<>();
    private boolean started;

    /**
     * Starts the series.
     *
     * @param measureStartNs when the measured window begins (second 0 starts there)
     * @param warmupNs       the warm-up before it (its seconds get negative indices)
     */
    void start(long measureStartNs, long warmupNs) {
        originNs = measureStartNs;
        firstIndex = -(int) ((warmupNs + SECOND_NS - 1) / SECOND_NS);
        started = true;
    }

    /** A success completed at {@code nowNs} with this latency. */
    void success(long latencyUs, long nowNs) {
        int slot = slot(nowNs);
        if (slot >= 0) {
            Histogram h = histograms.get(slot);
            if (h == null) {
                h = new Histogram(Recorder.HIGHEST_TRACKABLE_US, DIGITS);
                histograms.set(slot, h);
            }
            h.recordValue(latencyUs);
        }
    }

    /** An error counted at {@code nowNs}. */
    void error(long nowNs) {
        int slot = slot(nowNs);
        if (slot >= 0) {
            errors.get(slot)[0]++;
        }
    }

    private int slot(long nowNs) {
        if (!started) {
            return -1;
        }
        int slot = (int) (Math.floorDiv(nowNs - originNs, SECOND_NS) - firstIndex);
        if (slot < 0 || slot > 100_000) {
            return -1;
        }
        while (histograms.size() <= slot) {
            histograms.add(null);
            errors.add(new long[1]);
        }
        return slot;
    }

    /** Adds this series into {@code into}, second by second (after the owner stopped). */
    void addTo(List<Interval> into) {
        for (int slot = 0; slot < histograms.size(); slot++) {
            int t = firstIndex + slot;
            Interval existing = null;
            for (Interval i : into) {
                if (i.t() == t) {
                    existing = i;
                }
            }
            if (existing == null) {
                existing = new Interval(t, new Histogram(Recorder.HIGHEST_TRACKABLE_US, DIGITS), new long[1]);
                into.add(existing);
            }
            if (histograms.get(slot) != null) {
                existing.histogram().add(histograms.get(slot));
            }
            existing.errors()[0] += errors.get(slot)[0];
        }
        into.sort((a, b) -> Integer.compare(a.t(), b.t()));
    }

    /**
     * One second of a window, merged over loops.
     *
     * @param t         seconds since the measured window began (negative: warm-up)
     * @param histogram latencies of the successes completed in it, microseconds
     * @param errors    a one-element array: the errors counted in it
     */
    public record Interval(int t, Histogram histogram, long[] errors) {
        public long errorCount() {
            return errors[0];
        }
    }
}

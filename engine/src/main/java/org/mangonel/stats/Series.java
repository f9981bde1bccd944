package org.mangonel.stats;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One loop's time series of a window: an interval histogram and an error count per second,
 * warm-up included, by completion time. Seconds are counted from the start of the measured
 * window (the warm-up's are negative), so the series of several loops, or of several shards that
 * share a start, line up by index. Single writer (the loop thread); a second's histogram is made
 * ahead of it, by {@link #prepare} on the loop's passes (or, without a loop, when its first
 * sample comes): a loop allocates one histogram a second.
 */
public final class Series {
    static final long SECOND_NS = 1_000_000_000L;
    /** Per-second histograms need less precision than the window's: 2 digits (1%) keep them small. */
    private static final int DIGITS = 2;
    /** Seconds a series keeps at most (27 hours): later samples are not in the series. */
    private static final int MAX_SLOTS = 100_000;

    /** Where the first slot (the warm-up's earliest second) begins. */
    private long firstSlotStartNs;
    private int firstIndex;
    private final List<Histogram> histograms = new ArrayList<>();
    private final List<long[]> errors = new ArrayList<>();
    /** Slots up to the last one that got a sample or an error: the seconds {@link #addTo} reports. */
    private int usedSlots;
    private boolean started;

    /**
     * Starts the series.
     *
     * @param measureStartNs when the measured window begins (second 0 starts there)
     * @param warmupNs       the warm-up before it (its seconds get negative indices)
     */
    void start(long measureStartNs, long warmupNs) {
        firstIndex = -(int) ((warmupNs + SECOND_NS - 1) / SECOND_NS);
        firstSlotStartNs = measureStartNs + firstIndex * SECOND_NS;
        started = true;
    }

    /**
     * Makes the slots of {@code nowNs}'s second and the next ready, histograms included; the loop
     * calls it once per pass. Recording then finds its slot made: a new second costs the hot path
     * no branch it has not taken before, which the JIT would otherwise prune and, once a second,
     * deoptimise and recompile the whole recording path for, inside the measurement.
     */
    void prepare(long nowNs) {
        prepareSlot(slot(nowNs));
        prepareSlot(slot(nowNs + SECOND_NS));
    }

    private void prepareSlot(int slot) {
        if (slot >= histograms.size() || slot >= 0 && histograms.get(slot) == null) {
            grow(slot);
        }
    }

    /** A success completed at {@code nowNs} with this latency. */
    void success(long latencyUs, long nowNs) {
        int slot = slot(nowNs);
        if (slot >= 0) {
            if (slot >= histograms.size() || histograms.get(slot) == null) {
                grow(slot); // not prepared (no loop calls prepare): correct, only slower
            }
            histograms.get(slot).recordValue(latencyUs);
            usedSlots = Math.max(usedSlots, slot + 1);
        }
    }

    /** An error counted at {@code nowNs}. */
    void error(long nowNs) {
        int slot = slot(nowNs);
        if (slot >= 0) {
            if (slot >= errors.size()) {
                grow(slot);
            }
            errors.get(slot)[0]++;
            usedSlots = Math.max(usedSlots, slot + 1);
        }
    }

    /** The slot of {@code nowNs}, or -1 (not started, before the warm-up, or absurdly late). */
    private int slot(long nowNs) {
        // Counted from the first slot, so the warm-up and the window divide non-negative numbers
        // alike: a floorDiv across second 0 would take a new branch at the window's start.
        long sinceNs = nowNs - firstSlotStartNs;
        if (!started || sinceNs < 0 || sinceNs >= MAX_SLOTS * SECOND_NS) {
            return -1;
        }
        return (int) (sinceNs / SECOND_NS);
    }

    private void grow(int slot) {
        if (slot < 0) {
            return;
        }
        while (histograms.size() <= slot) {
            histograms.add(null);
            errors.add(new long[1]);
        }
        if (histograms.get(slot) == null) {
            histograms.set(slot, new Histogram(Recorder.HIGHEST_TRACKABLE_US, DIGITS));
        }
    }

    /** Adds this series into {@code into}, second by second (after the owner stopped). */
    void addTo(List<Interval> into) {
        for (int slot = 0; slot < usedSlots; slot++) {
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

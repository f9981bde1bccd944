package org.mangonel.load;

/**
 * The times of one run, on the {@link System#nanoTime()} scale, fixed by the controller once
 * every loop is connected, then handed to each loop.
 *
 * @param startNs        traffic starts (warm-up begins); also the epoch of chat timestamps
 * @param measureStartNs requests (messages) due from here on are measured
 * @param measureEndNs   nothing due from here on is sent or measured
 * @param endNs          the loops stop; between measureEndNs and endNs (the drain period)
 *                       answers to what was sent are still awaited
 */
public record Window(long startNs, long measureStartNs, long measureEndNs, long endNs) {
    /** A window without a drain period. */
    public Window(long startNs, long measureStartNs, long measureEndNs) {
        this(startNs, measureStartNs, measureEndNs, measureEndNs);
    }

    /**
     * Whether something due at {@code dueNs} belongs to the measurement, whenever it finishes
     * while the loops run: through the drain, and in the pass in which a loop notices the drain's
     * end (an answer read then was still awaited; left out, it vanished from both the requests
     * and the errors).
     */
    public boolean records(long dueNs) {
        return dueNs >= measureStartNs && dueNs < measureEndNs;
    }

    /**
     * Whether a failure of something due at {@code dueNs}, at {@code nowNs}, is counted: what
     * {@link #records} would count, and also what was due before the window but fails inside it
     * (a request sent in the warm-up that hangs through the window, then times out or is still in
     * flight at the end). A failure has no latency to put in the wrong place, and without this a
     * server that stalls from the warm-up on shows a window with neither requests nor errors.
     */
    public boolean recordsFailure(long dueNs, long nowNs) {
        return records(dueNs) || dueNs < measureStartNs && measuring(nowNs);
    }

    /** Whether {@code nowNs} falls inside the measured part (drain included). */
    public boolean measuring(long nowNs) {
        return nowNs >= measureStartNs && nowNs <= endNs;
    }

    public long durationNs() {
        return measureEndNs - measureStartNs;
    }
}

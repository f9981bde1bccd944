package org.mangonel.load;

/**
 * The times of one run, on the {@link System#nanoTime()} scale, fixed by the controller once
 * every loop is connected, then handed to each loop.
 *
 * @param startNs        traffic starts (warm-up begins)
 * @param measureStartNs recording begins: requests due from here on are measured
 * @param measureEndNs   recording and traffic end
 */
public record Window(long startNs, long measureStartNs, long measureEndNs) {
    /** Whether a request due at {@code dueNs} and finished at {@code nowNs} belongs to the measurement. */
    public boolean records(long dueNs, long nowNs) {
        return dueNs >= measureStartNs && nowNs <= measureEndNs;
    }

    /** Whether {@code nowNs} falls inside the measured part. */
    public boolean measuring(long nowNs) {
        return nowNs >= measureStartNs && nowNs <= measureEndNs;
    }

    public long durationNs() {
        return measureEndNs - measureStartNs;
    }
}

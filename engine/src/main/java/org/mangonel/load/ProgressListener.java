package org.mangonel.load;

/** Told about a run's progress about once a second, on the controlling thread. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param elapsedNs time since traffic started (warm-up included)
     * @param totalNs   warm-up plus measured duration
     * @param measuring whether the measured part is under way (false during warm-up and its first
     *                  {@link LoadRun#MEASURING_SHOWN_NS}), by the clock
     * @param rate      successes per second so far in the measured part
     * @param errors    errors counted so far in the measured part
     * @param p99Us     the highest per-loop 99th percentile so far, microseconds
     */
    void progress(long elapsedNs, long totalNs, boolean measuring, double rate, long errors, long p99Us);

    ProgressListener NONE = (a, b, c, d, e, f) -> { };
}

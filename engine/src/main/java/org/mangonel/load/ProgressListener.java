package org.mangonel.load;

/** Told about a run's progress about once a second, on the controlling thread. */
@FunctionalInterface
public interface ProgressListener {
    /**
     * Where a run is, by the clock ({@link LoadRun} decides; a listener only words it). A tick
     * within {@link LoadRun#PHASE_EDGE_NS} after an edge still belongs to the phase before: a
     * whole-second warm-up's last tick falls on the window's first instant, which has nothing
     * measured yet, and the window's last tick just after its end is its end, not a drain.
     */
    enum Phase {
        /** Unrecorded traffic before the window. */
        WARMING_UP,
        /** The window: the figures so far are the measured ones. */
        MEASURING,
        /** After the window: awaiting the window's requests (or deliveries) still owed. */
        DRAINING
    }

    /**
     * @param elapsedNs time since traffic started (warm-up included)
     * @param totalNs   warm-up plus measured duration
     * @param phase     where the run is
     * @param rate      successes per second so far in the measured part
     * @param errors    errors counted so far in the measured part
     * @param p99Us     the highest per-loop 99th percentile so far, microseconds
     */
    void progress(long elapsedNs, long totalNs, Phase phase, double rate, long errors, long p99Us);

    ProgressListener NONE = (a, b, c, d, e, f) -> { };
}

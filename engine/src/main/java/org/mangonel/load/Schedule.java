package org.mangonel.load;

/**
 * When each request of an open-model run is due. Requests are numbered from 0 over the whole
 * run (all connections): request {@code k} goes to connection {@code k mod C}, so every
 * connection's requests are evenly spaced and the connections are evenly staggered.
 *
 * <p>During the warm-up the rate is {@code from}; over the measured window it moves linearly from
 * {@code from} to {@code to} (equal for a constant rate). With N(t) the number of requests due by
 * time t, request k is due when N(t) = k:
 * <pre>
 *   warm-up  (t ≤ W):  N(t) = from·t
 *   measured (τ = t − W ≥ 0):  N = from·W + from·τ + (to − from)·τ² / (2·D)
 * </pre>
 * For a constant rate this is exactly {@code start + k / rate}. Pure arithmetic, no clock: the
 * caller adds nothing and reads nothing, so it is tested exactly.
 */
public final class Schedule {
    private final long startNs;
    private final double warmupS;
    private final double durationS;
    private final double fromPerS;
    private final double toPerS;
    private final double warmupRequests;

    /**
     * @param startNs    when the warm-up starts ({@link System#nanoTime()} scale)
     * @param warmupNs   warm-up length
     * @param durationNs measured window length
     * @param fromPerS   rate at the start (and during the warm-up)
     * @param toPerS     rate at the end of the window
     */
    public Schedule(long startNs, long warmupNs, long durationNs, double fromPerS, double toPerS) {
        if (!(fromPerS > 0) || !(toPerS > 0) || durationNs <= 0) {
            throw new IllegalArgumentException("rates and duration must be positive");
        }
        this.startNs = startNs;
        this.warmupS = warmupNs / 1e9;
        this.durationS = durationNs / 1e9;
        this.fromPerS = fromPerS;
        this.toPerS = toPerS;
        this.warmupRequests = fromPerS * warmupS;
    }

    /** When request {@code k} (0-based, over all connections) is due. */
    public long dueNs(long k) {
        double seconds;
        if (fromPerS == toPerS) {
            seconds = k / fromPerS;
        } else if (k <= warmupRequests) {
            seconds = k / fromPerS;
        } else {
            double n = k - warmupRequests;
            double a = (toPerS - fromPerS) / (2 * durationS);
            // a·τ² + from·τ − n = 0, the root that is ≥ 0 (stable for a ramp up or down)
            double tau = 2 * n / (fromPerS + Math.sqrt(fromPerS * fromPerS + 4 * a * n));
            seconds = warmupS + tau;
        }
        return startNs + Math.round(seconds * 1e9);
    }

    /** Requests due in [start, t): for tests and for reporting the target. */
    public double dueBefore(long tNs) {
        double t = (tNs - startNs) / 1e9;
        if (t <= warmupS || fromPerS == toPerS) {
            return fromPerS * t;
        }
        double tau = Math.min(t - warmupS, durationS);
        return warmupRequests + fromPerS * tau + (toPerS - fromPerS) * tau * tau / (2 * durationS);
    }
}

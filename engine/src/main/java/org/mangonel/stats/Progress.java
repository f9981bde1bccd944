package org.mangonel.stats;

/**
 * What one loop has measured so far in the current window, published for the progress line.
 *
 * @param requests successful requests recorded
 * @param errors   failed requests counted
 * @param p99Us    99th percentile of the corrected latency so far, microseconds
 * @param atNs     when the snapshot was taken ({@link System#nanoTime()})
 */
public record Progress(long requests, long errors, long p99Us, long atNs) {
    public static final Progress ZERO = new Progress(0, 0, 0, 0);
}

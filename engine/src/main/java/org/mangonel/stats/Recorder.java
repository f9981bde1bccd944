package org.mangonel.stats;

import org.HdrHistogram.Histogram;

/**
 * One event loop's measurements for one measured window. Single writer: only the loop thread
 * that owns it calls the recording methods; allocation-free per sample. Other threads read only
 * the published {@link #progress()} while the loop runs, and everything else after it stopped.
 */
public final class Recorder {
    /** Latencies above an hour are clamped (a run is bounded far below that). */
    public static final long HIGHEST_TRACKABLE_US = 3_600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram corrected = new Histogram(HIGHEST_TRACKABLE_US, SIGNIFICANT_DIGITS);
    private final Histogram uncorrected = new Histogram(HIGHEST_TRACKABLE_US, SIGNIFICANT_DIGITS);
    private final long[] errors = new long[ErrorKind.COUNT];
    private final long[] statuses = new long[600];
    private long requests;
    private long bytesReceived;
    private long bytesSent;
    private long connectionsOpened;
    private long messagesSent;
    private long deliveriesExpected;
    private long duplicates;
    private long corrupted;
    private long delayed;
    private long unsent;
    private volatile Progress progress = Progress.ZERO;

    /**
     * Records one success: an HTTP response, or a chat delivery.
     *
     * @param correctedNs   from when it was due to when it completed
     * @param uncorrectedNs from when it was written to when it completed
     */
    public void success(long correctedNs, long uncorrectedNs) {
        requests++;
        corrected.recordValue(toMicros(correctedNs));
        uncorrected.recordValue(toMicros(uncorrectedNs));
    }

    private static long toMicros(long ns) {
        long us = (ns + 500) / 1000;
        return us < 0 ? 0 : Math.min(us, HIGHEST_TRACKABLE_US);
    }

    public void error(ErrorKind kind) {
        errors[kind.ordinal()]++;
    }

    /** Counts a response status code (success or not). */
    public void status(int code) {
        if (code >= 0 && code < statuses.length) {
            statuses[code]++;
        }
    }

    public void received(long bytes) {
        bytesReceived += bytes;
    }

    public void sent(long bytes) {
        bytesSent += bytes;
    }

    public void connectionOpened() {
        connectionsOpened++;
    }

    /** Chat: one message sent that {@code recipients} other clients should receive. */
    public void messageSent(int recipients) {
        messagesSent++;
        deliveriesExpected += recipients;
    }

    /** Chat: a line that was delivered more than once to the same recipient. */
    public void duplicate() {
        duplicates++;
    }

    /** Chat: a line that arrived but is not a message any client sent. */
    public void corrupted() {
        corrupted++;
    }

    /** Open model: a request sent more than a millisecond after it was due. */
    public void delayed() {
        delayed++;
    }

    /** Open model: a request due in the window that was never sent (its connection was busy or down). */
    public void unsent() {
        unsent++;
    }

    /** Publishes a progress snapshot for other threads; call a few times a second at most. */
    public void publishProgress() {
        long errorTotal = 0;
        for (long e : errors) {
            errorTotal += e;
        }
        progress = new Progress(requests, errorTotal, corrected.getTotalCount() == 0 ? 0
                : corrected.getValueAtPercentile(99.0), System.nanoTime());
    }

    /** The last published snapshot; any thread. */
    public Progress progress() {
        return progress;
    }

    /** Adds everything this recorder holds into {@code into}; call after the owner stopped. */
    public void addTo(RunStats.Builder into) {
        into.add(corrected, uncorrected, errors, statuses, requests, bytesReceived, bytesSent, connectionsOpened,
                messagesSent, deliveriesExpected, duplicates, corrupted, delayed, unsent);
    }
}

package org.mangonel.stats;

import org.HdrHistogram.Histogram;

/**
 * One event loop's measurements for one measured window. Single writer: only the loop thread
 * that owns it calls the recording methods; allocation-free per sample. Other threads read only
 * the published {@link #progress()} while the loop runs, and everything else after it stopped.
 */
public final class Recorder {
    /** How often the published 99th percentile is recomputed. */
    private static final long P99_INTERVAL_NS = 1_000_000_000L;
    /** Latencies above an hour are clamped (a run is bounded far below that). */
    public static final long HIGHEST_TRACKABLE_US = 3_600_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram corrected = newHistogram();
    private final Histogram uncorrected = newHistogram();
    private final Tally tally;
    private final Series series = new Series();
    private Part[] parts = new Part[0];
    private volatile Progress progress = Progress.ZERO;
    /** The published 99th percentile, recomputed once a second at most (see publishProgress). */
    private long p99Us;
    private long p99DueNs = Long.MIN_VALUE;
    /** When the first and the last recorded success were sent ({@link #sent}); MAX/MIN: none yet. */
    private long firstSentNs = Long.MAX_VALUE;
    private long lastSentNs = Long.MIN_VALUE;

    /** @param protocolCounters how many counters the protocol keeps (its counter enum's size) */
    public Recorder(int protocolCounters) {
        tally = new Tally(protocolCounters);
    }

    /**
     * Keeps figures per part of the workload as well (an HTTP mix's URLs: part i is item i of the
     * mix). Call before the loop runs; parts are numbered from 0.
     */
    public void parts(int count) {
        if (count > parts.length) {
            Part[] grown = java.util.Arrays.copyOf(parts, count);
            for (int i = parts.length; i < count; i++) {
                grown[i] = new Part();
            }
            parts = grown;
        }
    }

    /** A success of part {@code part} (ignored unless parts are kept); the whole is recorded apart. */
    public void partSuccess(int part, long correctedNs) {
        if (part >= 0 && part < parts.length) {
            parts[part].success(toMicros(correctedNs));
        }
    }

    /** A failure of part {@code part} (ignored unless parts are kept). */
    public void partError(int part) {
        if (part >= 0 && part < parts.length) {
            parts[part].errors++;
        }
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_US, SIGNIFICANT_DIGITS);
    }

    /**
     * Records one success: an HTTP response, an echo, or a chat delivery.
     *
     * @param correctedNs   from when it was due to when it completed
     * @param uncorrectedNs from when it was written to when it completed
     */
    public void success(long correctedNs, long uncorrectedNs) {
        tally.counts[Count.REQUESTS.ordinal()]++;
        corrected.recordValue(toMicros(correctedNs));
        uncorrected.recordValue(toMicros(uncorrectedNs));
    }

    /**
     * The success just recorded was sent at {@code sentNs}: widens the span over which the
     * window's requests were sent ({@link RunStats.Builder#sendingNs()}).
     */
    public void sent(long sentNs) {
        if (sentNs < firstSentNs) {
            firstSentNs = sentNs;
        }
        if (sentNs > lastSentNs) {
            lastSentNs = sentNs;
        }
    }

    private static long toMicros(long ns) {
        long us = (ns + 500) / 1000;
        return us < 0 ? 0 : Math.min(us, HIGHEST_TRACKABLE_US);
    }

    public void error(ErrorKind kind) {
        tally.errors[kind.ordinal()]++;
    }

    /** Starts the time series: second 0 begins at {@code measureStartNs}, after {@code warmupNs}. */
    public void startSeries(long measureStartNs, long warmupNs) {
        series.start(measureStartNs, warmupNs);
    }

    /** Makes the time series ready for the second after {@code nowNs}; once per loop pass. */
    public void prepareSeries(long nowNs) {
        series.prepare(nowNs);
    }

    /** A success completed at {@code nowNs}, measured or not (the time series shows the warm-up too). */
    public void interval(long correctedNs, long nowNs) {
        series.success(toMicros(correctedNs), nowNs);
    }

    /** An error at {@code nowNs}, measured or not, for the time series. */
    public void intervalError(long nowNs) {
        series.error(nowNs);
    }

    /** Counts a response status code (success or not). */
    public void status(int code) {
        if (code >= 0 && code < Tally.STATUS_CODES) {
            tally.statuses[code]++;
        }
    }

    /** Adds to one of the common counts. */
    public void add(Count count, long n) {
        tally.counts[count.ordinal()] += n;
    }

    /** Counts one of the common counts once. */
    public void count(Count count) {
        tally.counts[count.ordinal()]++;
    }

    /** Adds to one of the protocol's own counters (an ordinal of its counter enum). */
    public void add(Enum<?> counter, long n) {
        tally.counters[counter.ordinal()] += n;
    }

    /** Counts one of the protocol's own counters once. */
    public void count(Enum<?> counter) {
        tally.counters[counter.ordinal()]++;
    }

    /**
     * Publishes a progress snapshot for other threads; call a few times a second at most. The
     * counts are current; the 99th percentile is recomputed once a second at most (and on the
     * {@code last} call), as often as the progress line shows it. It scans the histogram's
     * buckets, and at a few calls a second that scan runs in the interpreter: 2% of the client's
     * CPU at 100 chat clients sending once a second, when it ran four times a second.
     */
    public void publishProgress(boolean last) {
        long errorTotal = 0;
        for (long e : tally.errors) {
            errorTotal += e;
        }
        long nowNs = System.nanoTime();
        if (last || nowNs >= p99DueNs || p99Us == 0) { // 0: nothing seen at the last scan
            p99Us = corrected.getTotalCount() == 0 ? 0 : corrected.getValueAtPercentile(99.0);
            p99DueNs = nowNs + P99_INTERVAL_NS;
        }
        progress = new Progress(tally.counts[Count.REQUESTS.ordinal()], errorTotal, p99Us, nowNs);
    }

    /** The last published snapshot; any thread. */
    public Progress progress() {
        return progress;
    }

    /** Adds everything this recorder holds into {@code into}; call after the owner stopped. */
    public void addTo(RunStats.Builder into) {
        into.add(corrected, uncorrected, tally, series, parts);
        into.sent(firstSentNs, lastSentNs);
    }

    /** One part's figures in one loop: successes with their latencies, and failures. */
    static final class Part {
        /** Two significant digits: a part's p50 and p99 to 1%, at a tenth of the whole's memory. */
        final Histogram latency = new Histogram(HIGHEST_TRACKABLE_US, 2);
        long errors;

        void success(long us) {
            latency.recordValue(us);
        }
    }
}

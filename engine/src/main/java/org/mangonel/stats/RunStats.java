package org.mangonel.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Everything measured in one measured window, merged over all loops. Immutable once built;
 * the histograms must not be changed by callers.
 */
public final class RunStats {
    private final Histogram corrected;
    private final Histogram uncorrected;
    private final Tally tally;
    private final List<Series.Interval> series;
    private final long durationNs;
    private final List<Part> parts;

    private RunStats(Histogram corrected, Histogram uncorrected, Tally tally, List<Series.Interval> series,
                     long durationNs, List<Part> parts) {
        this.parts = List.copyOf(parts);
        this.corrected = corrected;
        this.uncorrected = uncorrected;
        this.tally = tally;
        this.series = List.copyOf(series);
        this.durationNs = durationNs;
    }

    /**
     * One part of the workload's figures (an HTTP mix's URL): its successes, their latencies from
     * the due time (two significant digits), and its failures.
     */
    public record Part(Histogram latency, long errors) {
        public long successes() {
            return latency.getTotalCount();
        }
    }

    /** The workload's parts, in the workload's order; empty when it has one part (or keeps none). */
    public List<Part> parts() {
        return parts;
    }

    /** The window second by second (warm-up included, negative seconds); empty when not recorded. */
    public List<Series.Interval> series() {
        return series;
    }

    public Histogram corrected() {
        return corrected;
    }

    public Histogram uncorrected() {
        return uncorrected;
    }

    /** One of the common counts. */
    public long count(Count count) {
        return tally.counts[count.ordinal()];
    }

    /** One of the protocol's own counters (by its counter enum). */
    public long counter(Enum<?> counter) {
        return tally.counters[counter.ordinal()];
    }

    /** How many protocol counters these stats hold. */
    public int counterCount() {
        return tally.counters.length;
    }

    public long errors(ErrorKind kind) {
        return tally.errors[kind.ordinal()];
    }

    /** Errors by kind, every kind present (zero when none). */
    public Map<ErrorKind, Long> errors() {
        EnumMap<ErrorKind, Long> e = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            e.put(kind, tally.errors[kind.ordinal()]);
        }
        return Collections.unmodifiableMap(e);
    }

    public long errorTotal() {
        long total = 0;
        for (long e : tally.errors) {
            total += e;
        }
        return total;
    }

    /** The status codes seen, with their counts, in order. */
    public Map<Integer, Long> statuses() {
        TreeMap<Integer, Long> s = new TreeMap<>();
        for (int code = 0; code < tally.statuses.length; code++) {
            if (tally.statuses[code] > 0) {
                s.put(code, tally.statuses[code]);
            }
        }
        return Collections.unmodifiableMap(s);
    }

    /** Successes recorded as latency samples: responses, echoes, or chat deliveries. */
    public long requests() {
        return count(Count.REQUESTS);
    }

    public long bytesReceived() {
        return count(Count.BYTES_RECEIVED);
    }

    public long bytesSent() {
        return count(Count.BYTES_SENT);
    }

    public long connectionsOpened() {
        return count(Count.CONNECTIONS_OPENED);
    }

    /** Open model: requests sent more than a millisecond after they were due. */
    public long delayed() {
        return count(Count.DELAYED);
    }

    /** Open model: requests due in the window that were never sent. */
    public long unsent() {
        return count(Count.UNSENT);
    }

    public long durationNs() {
        return durationNs;
    }

    /** Successes per second over the measured window. */
    public double rate() {
        return durationNs <= 0 ? 0 : requests() * 1e9 / durationNs;
    }

    public LatencySummary latency() {
        return LatencySummary.of(corrected);
    }

    public LatencySummary uncorrectedLatency() {
        return LatencySummary.of(uncorrected);
    }

    /** Collects recorders (or other stats) into one. Not thread-safe; used after loops stopped. */
    public static final class Builder {
        private final Histogram corrected = Recorder.newHistogram();
        private final Histogram uncorrected = Recorder.newHistogram();
        private final Tally tally;
        private final List<Series.Interval> series = new ArrayList<>();
        private final List<Part> parts = new ArrayList<>();
        private long firstSentNs = Long.MAX_VALUE;
        private long lastSentNs = Long.MIN_VALUE;

        /** @param protocolCounters how many counters the protocol keeps */
        public Builder(int protocolCounters) {
            tally = new Tally(protocolCounters);
        }

        void add(Histogram c, Histogram u, Tally t, Series s, Recorder.Part[] loopParts) {
            corrected.add(c);
            uncorrected.add(u);
            tally.add(t);
            s.addTo(series);
            for (int i = 0; i < loopParts.length; i++) {
                part(i, loopParts[i].latency, loopParts[i].errors);
            }
        }

        /** Adds to part {@code i} (e.g. read back from a results file, or another shard's). */
        public Builder part(int i, Histogram latency, long errors) {
            while (parts.size() <= i) {
                parts.add(new Part(new Histogram(Recorder.HIGHEST_TRACKABLE_US, 2), 0));
            }
            Part have = parts.get(i);
            have.latency().add(latency);
            parts.set(i, new Part(have.latency(), have.errors() + errors));
            return this;
        }

        /**
         * Adds a whole run: its histograms and counts (repetitions merged for a mean, or the
         * shards of one window). Its time series is added second by second.
         */
        public Builder add(RunStats s) {
            corrected.add(s.corrected);
            uncorrected.add(s.uncorrected);
            tally.add(s.tally);
            for (Series.Interval i : s.series) {
                addInterval(i.t(), i.histogram(), i.errorCount());
            }
            for (int i = 0; i < s.parts.size(); i++) {
                part(i, s.parts.get(i).latency(), s.parts.get(i).errors());
            }
            return this;
        }

        /** Adds one second of a series (e.g. read back from a results file). */
        public Builder addInterval(int t, Histogram histogram, long errors) {
            Series.Interval existing = series.stream().filter(i -> i.t() == t).findFirst().orElse(null);
            if (existing == null) {
                existing = new Series.Interval(t, new Histogram(Recorder.HIGHEST_TRACKABLE_US, 2), new long[1]);
                series.add(existing);
                series.sort((a, b) -> Integer.compare(a.t(), b.t()));
            }
            existing.histogram().add(histogram);
            existing.errors()[0] += errors;
            return this;
        }

        /** Widens the sending span by one loop's first and last send of a recorded success. */
        void sent(long firstNs, long lastNs) {
            firstSentNs = Math.min(firstSentNs, firstNs);
            lastSentNs = Math.max(lastSentNs, lastNs);
        }

        /**
         * From the first to the last send of the successes added so far (0 when none): longer
         * than the window when the requests due in it were sent late (an open model the server
         * or the client fell behind), which is then the time their rate is measured over.
         */
        public long sendingNs() {
            return lastSentNs < firstSentNs ? 0 : lastSentNs - firstSentNs;
        }

        /** Counts errors directly (e.g. a chat loss found after the loops stopped). */
        public Builder error(ErrorKind kind, long count) {
            tally.errors[kind.ordinal()] += count;
            return this;
        }

        public RunStats build(long durationNs) {
            return new RunStats(corrected, uncorrected, tally.copy(), series, durationNs, parts);
        }
    }
}

package org.mangonel.stats;

import java.util.Collections;
import java.util.EnumMap;
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
    private final Map<ErrorKind, Long> errors;
    private final Map<Integer, Long> statuses;
    private final long requests;
    private final long bytesReceived;
    private final long bytesSent;
    private final long connectionsOpened;
    private final long messagesSent;
    private final long deliveriesExpected;
    private final long duplicates;
    private final long corrupted;
    private final long delayed;
    private final long unsent;
    private final long durationNs;

    private RunStats(Builder b, long durationNs) {
        this.corrected = b.corrected;
        this.uncorrected = b.uncorrected;
        EnumMap<ErrorKind, Long> e = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            e.put(kind, b.errors[kind.ordinal()]);
        }
        this.errors = Collections.unmodifiableMap(e);
        TreeMap<Integer, Long> s = new TreeMap<>();
        for (int code = 0; code < b.statuses.length; code++) {
            if (b.statuses[code] > 0) {
                s.put(code, b.statuses[code]);
            }
        }
        this.statuses = Collections.unmodifiableMap(s);
        this.requests = b.requests;
        this.bytesReceived = b.bytesReceived;
        this.bytesSent = b.bytesSent;
        this.connectionsOpened = b.connectionsOpened;
        this.messagesSent = b.messagesSent;
        this.deliveriesExpected = b.deliveriesExpected;
        this.duplicates = b.duplicates;
        this.corrupted = b.corrupted;
        this.delayed = b.delayed;
        this.unsent = b.unsent;
        this.durationNs = durationNs;
    }

    public Histogram corrected() {
        return corrected;
    }

    public Histogram uncorrected() {
        return uncorrected;
    }

    public Map<ErrorKind, Long> errors() {
        return errors;
    }

    public long errorTotal() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<Integer, Long> statuses() {
        return statuses;
    }

    /** Successful requests (HTTP) or deliveries (chat) recorded as latency samples. */
    public long requests() {
        return requests;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long connectionsOpened() {
        return connectionsOpened;
    }

    public long messagesSent() {
        return messagesSent;
    }

    public long deliveriesExpected() {
        return deliveriesExpected;
    }

    /** Chat: deliveries of measured messages (the latency samples). */
    public long deliveries() {
        return requests;
    }

    /** Chat: expected deliveries that did not arrive by the end of the drain period. */
    public long lost() {
        return Math.max(0, deliveriesExpected - requests);
    }

    public long duplicates() {
        return duplicates;
    }

    public long corrupted() {
        return corrupted;
    }

    public long durationNs() {
        return durationNs;
    }

    /** Open model: requests sent more than a millisecond after they were due. */
    public long delayed() {
        return delayed;
    }

    /** Open model: requests due in the window that were never sent. */
    public long unsent() {
        return unsent;
    }

    /** Successes per second over the measured window. */
    public double rate() {
        return durationNs <= 0 ? 0 : requests * 1e9 / durationNs;
    }

    public LatencySummary latency() {
        return LatencySummary.of(corrected);
    }

    public LatencySummary uncorrectedLatency() {
        return LatencySummary.of(uncorrected);
    }

    /** Collects recorders (or other stats) into one. Not thread-safe; used after loops stopped. */
    public static final class Builder {
        private final Histogram corrected = new Histogram(Recorder.HIGHEST_TRACKABLE_US, 3);
        private final Histogram uncorrected = new Histogram(Recorder.HIGHEST_TRACKABLE_US, 3);
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

        void add(Histogram c, Histogram u, long[] errorCounts, long[] statusCounts, long requestCount, long received,
                 long sent, long connections, long messages, long expected, long dups, long bad, long late,
                 long neverSent) {
            corrected.add(c);
            uncorrected.add(u);
            for (int i = 0; i < errors.length; i++) {
                errors[i] += errorCounts[i];
            }
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] += statusCounts[i];
            }
            requests += requestCount;
            bytesReceived += received;
            bytesSent += sent;
            connectionsOpened += connections;
            messagesSent += messages;
            deliveriesExpected += expected;
            duplicates += dups;
            corrupted += bad;
            delayed += late;
            unsent += neverSent;
        }

        /** Adds a whole run (used when merging repetitions). */
        public Builder add(RunStats s) {
            long[] e = new long[ErrorKind.COUNT];
            s.errors.forEach((k, v) -> e[k.ordinal()] = v);
            long[] st = new long[600];
            s.statuses.forEach((k, v) -> st[k] = v);
            add(s.corrected, s.uncorrected, e, st, s.requests, s.bytesReceived, s.bytesSent, s.connectionsOpened,
                    s.messagesSent, s.deliveriesExpected, s.duplicates, s.corrupted, s.delayed, s.unsent);
            return this;
        }

        /** Counts one error directly (e.g. a chat loss found after the loops stopped). */
        public Builder error(ErrorKind kind, long count) {
            errors[kind.ordinal()] += count;
            return this;
        }

        public RunStats build(long durationNs) {
            return new RunStats(this, durationNs);
        }
    }
}

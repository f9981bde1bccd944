package org.mangonel.stats;

/**
 * Every count of one window in arrays indexed by enums: the common {@link Count}s, errors by
 * {@link ErrorKind}, status codes, and the protocol's own counters (indexed by the protocol's
 * counter enum's ordinals). The one place counts are merged ({@link #add}). Single writer;
 * allocation-free to update.
 */
final class Tally {
    static final int STATUS_CODES = 600;

    final long[] counts = new long[Count.values().length];
    final long[] errors = new long[ErrorKind.COUNT];
    final long[] statuses = new long[STATUS_CODES];
    final long[] counters;

    Tally(int protocolCounters) {
        counters = new long[protocolCounters];
    }

    /** Adds every count of {@code other} into this one (the counter arrays must be the same length). */
    void add(Tally other) {
        addInto(counts, other.counts);
        addInto(errors, other.errors);
        addInto(statuses, other.statuses);
        addInto(counters, other.counters);
    }

    Tally copy() {
        Tally t = new Tally(counters.length);
        t.add(this);
        return t;
    }

    private static void addInto(long[] into, long[] from) {
        if (into.length != from.length) {
            throw new IllegalArgumentException("merging counts of different protocols");
        }
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }
}

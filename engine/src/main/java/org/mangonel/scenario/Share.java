package org.mangonel.scenario;

/**
 * Which part of a load this process runs: shard {@code index} (0-based) of {@code count}. A shard
 * takes its share of every level's connections (or clients), a remainder going to the lowest
 * shards, and every {@code count}-th request (or client) of the whole run's schedule starting at
 * its index, so the shards together send exactly what one process would, interleaved in time.
 */
public record Share(int index, int count) {
    /** The whole load, in one process. */
    public static final Share ALL = new Share(0, 1);

    public Share {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": the index must be from 0 to "
                    + (count - 1));
        }
    }

    /** This shard's part of {@code total} connections or clients. */
    public int part(int total) {
        return total / count + (index < total % count ? 1 : 0);
    }

    /** The run-wide number of this shard's {@code local}-th item (request, client). */
    public long global(long local) {
        return local * count + index;
    }

    /** Whether this is the whole load. */
    public boolean whole() {
        return count == 1;
    }
}
